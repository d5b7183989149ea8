/**
 * The supervisors' and heads' dashboard (/bao-cao): form II.06a, rankings and the overdue list in
 * charts and tables, filtered, with CSV and XLSX downloads; it reads the reports API (docs/reports.md).
 */
package vn.motcua.dashboard;
