/**
 * The yearly calendar watch: the model {@code calendar_watch} checks every day whether next year's calendar
 * is still provisional from 1 October, and e-mails the administrators once per ISO week while it is.
 */
package vn.motcua.calendarwatch;
