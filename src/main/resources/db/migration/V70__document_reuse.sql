-- Issue 17: a citizen's paper from an earlier dossier reused in a new one, never uploaded again. The new
-- row names the row whose stored file it shares (always the first upload, never another reuse) and keeps
-- no storage key of its own, so the file is stored once and the officer sees where the paper came from.
alter table document add column reused_from_id bigint references document (id);
alter table document alter column storage_key drop not null;
create index document_reused_from on document (reused_from_id);
