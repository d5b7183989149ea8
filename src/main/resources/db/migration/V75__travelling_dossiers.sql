-- Dossiers that travel between units ("liên thông", docs/modelling-guide.md): received at one unit
-- (unit_code, whose code the dossier code carries), decided by another (the receiving unit's parent
-- or a named unit, from the procedure's procedure.decidedBy). Every dossier has a deciding unit: its
-- own unit when the procedure does not travel, so reports and access read one column.
alter table dossier add column deciding_unit_code varchar(32);
update dossier set deciding_unit_code = unit_code;
alter table dossier alter column deciding_unit_code set not null;
alter table dossier add constraint dossier_deciding_unit_fk foreign key (deciding_unit_code) references unit (code);

-- II.06a and rankings count a dossier for its deciding unit (docs/reports.md): the report index of
-- V11 holds that column instead of the receiving one, and the receiving unit beside it.
drop index dossier_report;
create index dossier_report on dossier (received_at, finished_at, deciding_unit_code, procedure_key, status, channel,
    result_channel, due_at, clock_paused_at, unit_code);
create index dossier_deciding_unit_status on dossier (deciding_unit_code, status);

-- A hand-over between units on the control sheet (event HANDED_OVER) names both units' codes; their
-- names are in from_party / to_party as for every hand-over.
alter table dossier_event add column from_unit_code varchar(32);
alter table dossier_event add column to_unit_code varchar(32);
