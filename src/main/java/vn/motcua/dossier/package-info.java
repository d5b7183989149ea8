/**
 * Dossiers: submission, the official dossier code, the status of each dossier and its control
 * sheet (every hand-over), and the beans the one-stop lifecycle model calls.
 */
package vn.motcua.dossier;
