/**
 * Digests: SHA-256 and HMAC-SHA256 in one place, and the one signature scheme motcua speaks with other
 * systems (HMAC of {@code <timestamp>.<body>}: signed report webhooks, bank payment notices).
 */
package vn.motcua.digest;
