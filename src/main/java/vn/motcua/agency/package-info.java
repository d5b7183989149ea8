/**
 * An agency runs itself: administrators keep the units, their officers and roles, and role holders name
 * stand-ins, through {@code /api/admin} and the administration pages, with no SQL and no Camunda Admin.
 */
package vn.motcua.agency;
