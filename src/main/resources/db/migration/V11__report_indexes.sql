-- Supervision reports (docs/reports.md). A period's report reads the dossiers received before its end
-- and not settled before its start: those received in it (dossier_received_at, V1), and those carried
-- over, found by when they were settled (null while open).
create index dossier_finished_at on dossier (finished_at);
-- Reports of one procedure, and the check that a procedure asked for has dossiers.
create index dossier_procedure_key on dossier (procedure_key, received_at);
