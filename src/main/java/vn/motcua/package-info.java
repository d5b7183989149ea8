/**
 * motcua: the electronic one-stop shop. Each direct sub-package is one capability
 * (catalogue, dossier, unit, forms, ...) with its own API, domain and persistence.
 */
package vn.motcua;
