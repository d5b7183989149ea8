package vn.motcua.sla;

import java.time.Instant;
import java.time.LocalDate;

/** One apology letter as issued (the PDF is kept as it was sent). */
record ApologyLetter(int number, String reason, LocalDate newAppointmentDate, Instant issuedAt, String issuedBy) {
}
