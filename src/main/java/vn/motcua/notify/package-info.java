/**
 * Notifications: messages to officers and applicants through pluggable channels (e-mail first),
 * one record per event and recipient so that no event is sent twice. Depends on nothing else of ours.
 */
package vn.motcua.notify;
