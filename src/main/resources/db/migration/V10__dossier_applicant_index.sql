-- Citizens who log in through an OIDC provider (docs/security.md) list their dossiers by the identity
-- number the provider vouches for, matched against the number given on each dossier.
create index dossier_applicant_id_number on dossier (applicant_id_number);
