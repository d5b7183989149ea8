/**
 * Operations metrics and health: dossier and escalation figures from our tables, the engine's job
 * backlog and incidents, for Prometheus at /actuator/prometheus; the engine's health for the load balancer.
 */
package vn.motcua.metrics;
