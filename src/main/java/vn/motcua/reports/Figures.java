package vn.motcua.reports;

/**
 * The numbers of form II.06a for one unit, procedure or total. Every dossier counted in
 * {@code received.total} is counted in exactly one of {@code resolved.total}, {@code inProgress.total},
 * {@code awaitingSupplement}, {@code withdrawn} and {@code refused}. docs/reports.md defines each.
 */
public record Figures(Received received, Resolved resolved, InProgress inProgress, long awaitingSupplement,
        long withdrawn, long refused) {

    /** Dossiers on hand in the period: carried over from before it, and submitted in it (online, counter or post). */
    public record Received(long total, long carriedOver, long online, long counterOrPost) {
    }

    /** Results returned in the period: a day or more before the due date, on the due day, after it. */
    public record Resolved(long total, long beforeDeadline, long onTime, long late) {
    }

    /** Open at the end of the period (or now, for the current one), the clock running: not yet due, or past it. */
    public record InProgress(long total, long withinDeadline, long overdue) {
    }

    static Figures sum(Iterable<Figures> parts) {
        long[] n = new long[COLUMNS];
        for (Figures f : parts) {
            long[] m = f.numbers();
            for (int i = 0; i < COLUMNS; i++) {
                n[i] += m[i];
            }
        }
        return of(n);
    }

    static final int COLUMNS = 14;

    /** The numbers in the order of the form's columns (see {@link #numbers()}). */
    static Figures of(long[] n) {
        return new Figures(new Received(n[0], n[1], n[2], n[3]), new Resolved(n[4], n[5], n[6], n[7]),
                new InProgress(n[8], n[9], n[10]), n[11], n[12], n[13]);
    }

    /** The numbers in the order of the form's columns. */
    long[] numbers() {
        return new long[] {received.total, received.carriedOver, received.online, received.counterOrPost,
                resolved.total, resolved.beforeDeadline, resolved.onTime, resolved.late,
                inProgress.total, inProgress.withinDeadline, inProgress.overdue, awaitingSupplement, withdrawn, refused};
    }
}
