-- Idempotency-Key of submissions: a client retry with the same key and body gets the same
-- dossier. Rows are deleted once expired (motcua.security.idempotency-key-lifetime).
create table idempotency_key (
    idem_key    varchar(100)  primary key,
    fingerprint varchar(64)   not null,
    resource    varchar(64),
    payload     varchar(200),
    created_at  timestamp     not null,
    expires_at  timestamp     not null
);
create index idempotency_key_expiry on idempotency_key (expires_at);
