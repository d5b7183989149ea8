-- The dossier event feed (docs/reporting-push.md, "The dossier event feed"): each dossier's facts the
-- central systems get as they happen, written in the transaction of the step they report (an outbox),
-- sent by engine jobs in order of their sequence number.

-- One row per dossier with a feed: the last sequence number given (the row is locked by the writer
-- and by the delivery job that hands the next event on, so numbers and hand-ons never race), the unit
-- the dossier is at, and every unit it has been at (an endpoint limited to units gets a dossier's events
-- from the moment one of them is among these).
create table dossier_feed (
    dossier_code  varchar(64)   primary key,
    last_sequence integer       not null,
    current_unit  varchar(32)   not null,
    units         varchar(4000) not null
);

-- The events, append-only: the event id is the receivers' idempotency key; the payload is fixed when the
-- event is written, so every attempt and every re-send carries the same bytes.
create table dossier_feed_event (
    id           varchar(36)  primary key,
    dossier_code varchar(64)  not null references dossier_feed (dossier_code),
    sequence     integer      not null,
    event_type   varchar(32)  not null,
    occurred_at  timestamp    not null,
    payload      text         not null,
    constraint dossier_feed_event_once unique (dossier_code, sequence)
);

-- The delivery log serves both: a report delivery has a period, an event delivery has its event. An
-- event's first delivery to an endpoint (trigger EVENT) exists once; re-sends (RESEND) are rows of their own.
-- dispatched_at: when its engine job was created (at most one undelivered dispatched EVENT delivery per
-- dossier and endpoint: that is the order).
alter table report_delivery alter column period_type drop not null;
alter table report_delivery alter column period_from drop not null;
alter table report_delivery alter column period_to drop not null;
alter table report_delivery add column event_id varchar(36) references dossier_feed_event (id);
alter table report_delivery add column dossier_code varchar(64);
alter table report_delivery add column sequence integer;
alter table report_delivery add column dispatched_at timestamp;
-- first_event_id: the event of a first (EVENT) delivery, null on re-sends and reports. A unique index on it
-- says "once per event and endpoint" on H2 as on PostgreSQL (H2, the embedded default, has no partial index;
-- rows with a null never collide).
alter table report_delivery add column first_event_id varchar(36);
create unique index report_delivery_event_once on report_delivery (first_event_id, endpoint);
create index report_delivery_feed on report_delivery (dossier_code, endpoint, sequence);
