/**
 * Demo data for the no-set-up start (profile {@code demo}): officers per unit and role with a
 * known password. Never enabled in production.
 */
package vn.motcua.demo;
