package vn.motcua.reportpush;

import java.util.List;

import vn.motcua.reports.ReportPeriod;

/** The body pushed for a period: the report as JSON, for the units the endpoint receives (all when empty). */
interface ReportPayload {

    byte[] json(ReportPeriod period, List<String> units);
}
