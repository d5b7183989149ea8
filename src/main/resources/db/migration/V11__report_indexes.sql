-- Supervision reports (docs/reports.md). A period's report reads the dossiers on hand: received before
-- its end and settled after its start or not yet (null). This index holds every column the figures
-- need, so that a year of a large agency is read from it alone (an index-only scan, a seventh of the
-- table's size) rather than from the table (docs/performance.md).
create index dossier_report on dossier (received_at, finished_at, unit_code, procedure_key, status, channel,
    result_channel, due_at, clock_paused_at);
-- Narrow periods (a day, a month) find the dossiers carried over by when they were settled.
create index dossier_finished_at on dossier (finished_at);
-- Reports of one procedure, the check that a procedure asked for has dossiers, and its latest name.
create index dossier_procedure_key on dossier (procedure_key, received_at);
