/**
 * Deadlines of every dossier and task on the working-time calendar, warnings before they run out,
 * escalation to the head of unit when they pass, apology letters and the supplement clock policies.
 */
package vn.motcua.sla;
