-- Issue 15 item 7: idempotency_key held the client's key and the dossier's lookup secret in clear.
-- From now on idem_key holds a SHA-256 of the key (64 hex characters) and payload the secret sealed
-- with AES-GCM under a key derived from the client's key (vn.motcua.security.IdempotencyKeys).
-- Rows written before cannot be found that way and would keep secrets in clear: they go. A client
-- retrying across the upgrade gets a new dossier, as after the key's 24 hours.
delete from idempotency_key;
