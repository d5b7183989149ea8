/**
 * Working-time calendar: office hours, weekends, public holidays and make-up working days as data
 * (one document per year), and the working-day and working-hour arithmetic deadlines are made of.
 */
package vn.motcua.calendar;
