-- The files of a notification recorded for later (status PENDING): the transition writes what must be
-- sent, with its attachments, in its own transaction; the engine job of notification_delivery sends it
-- afterwards, so it needs the bytes the transition printed (a receipt or form printed again later could
-- differ). Rows sent at once (status SENDING in the sending transaction) keep their file names only.
create table notification_attachment (
    notification_id bigint        not null references notification (id) on delete cascade,
    position        integer       not null,
    file_name       varchar(255)  not null,
    content_type    varchar(100)  not null,
    content         bytea         not null,
    primary key (notification_id, position)
);
