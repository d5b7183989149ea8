-- The legal basis of the procedure version a dossier was submitted on (issue 7): a newer version may cite
-- another decree, and the dossier is settled under the one it started with. Older rows keep null.
alter table dossier add column legal_basis varchar(2000);
