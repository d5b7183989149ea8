-- The calendar years a dossier's due date was counted on provisionally (their statutory calendar, nobody
-- had loaded the government's schedule yet), comma-separated, e.g. '2027'; null when none. When the
-- schedule of such a year is loaded, the dossier's dates are recomputed (docs/calendar.md).
alter table dossier add column provisional_years varchar(64);
