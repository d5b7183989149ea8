/**
 * Supervision reports: form II.06a per unit, procedure and period, rankings of units and procedures,
 * the overdue list of a unit, each as JSON, CSV or XLSX. Read from the dossier tables (docs/reports.md).
 */
package vn.motcua.reports;
