/**
 * Security: who an officer is (the engine's identity service), which units' dossiers, tasks and
 * process instances they may see, the engine's authorizations that say the same to Tasklist and the
 * engine REST API, limits on hostile input and idempotent submissions. See docs/security.md.
 */
package vn.motcua.security;
