-- A citizen's online submission made with a desk officer's help (the desk helps citizens submit online
-- themselves): the dossier's channel stays ONLINE, so reports count it online, and the officer is named.
alter table dossier add column assisted_by varchar(100);
