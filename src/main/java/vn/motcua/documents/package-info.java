/**
 * Documents uploaded with dossiers: the real type read from the content, refused when disguised,
 * encrypted, broken or too large; checksummed, text extracted for search, stored atomically behind
 * {@link vn.motcua.documents.DocumentStore}. Depends on nothing else of ours.
 */
package vn.motcua.documents;
