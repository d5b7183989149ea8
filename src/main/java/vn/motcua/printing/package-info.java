/**
 * Printable documents: XHTML templates under {@code printing/templates/} rendered to PDF with an
 * embedded Unicode font, so Vietnamese diacritics print and extract exactly on any machine.
 * Depends on nothing else of ours.
 */
package vn.motcua.printing;
