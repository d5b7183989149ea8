/**
 * The result document of each dossier: drafted from the procedure's template (or the generic decision
 * document), approved by the head of unit exactly as drafted, signed and issued to the applicant.
 */
package vn.motcua.results;
