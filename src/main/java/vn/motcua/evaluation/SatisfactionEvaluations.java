package vn.motcua.evaluation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStatus;

/** Records one evaluation per dossier after its result, and reads them back for reports. */
@Service
@Transactional
public class SatisfactionEvaluations {

    private static final String SELECT = """
            select d.code, e.unit_code, e.procedure_key, e.overall, e.timeliness, e.staff_attitude,
                e.information_clarity, e.contacts_needed, e.comment, e.submitted_at
            from evaluation e join dossier d on d.id = e.dossier_id
            """;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    SatisfactionEvaluations(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** The applicant's rating; refused when the result is not returned yet or the dossier was rated. */
    public Evaluation record(Dossier dossier, Rating rating) {
        if (dossier.status() != DossierStatus.RESULT_RETURNED) {
            throw EvaluationConflictException.notYetReturned(dossier.code());
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        try {
            // The unique dossier_id settles two simultaneous attempts: exactly one row survives. A rating counts
            // for the unit that decided the dossier, as II.06a and the rankings do (docs/reports.md).
            jdbc.sql("""
                    insert into evaluation (dossier_id, unit_code, procedure_key, overall, timeliness,
                        staff_attitude, information_clarity, contacts_needed, comment, submitted_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(dossier.id(), dossier.decidingUnitCode(), dossier.procedureKey(), rating.overall().name(),
                            rating.timeliness().name(), rating.staffAttitude().name(),
                            rating.informationClarity().name(), rating.contactsNeeded(), rating.comment(),
                            Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException e) {
            throw EvaluationConflictException.alreadyEvaluated(dossier.code());
        }
        Evaluation evaluation = find(dossier.code()).orElseThrow();
        events.publishEvent(new DossierRated(evaluation));
        return evaluation;
    }

    @Transactional(readOnly = true)
    public Optional<Evaluation> find(String dossierCode) {
        return jdbc.sql(SELECT + " where d.code = ?").param(dossierCode).query(SatisfactionEvaluations::row).optional();
    }

    /** Evaluations of a unit submitted in [from, to), oldest first. */
    @Transactional(readOnly = true)
    public List<Evaluation> ofUnit(String unitCode, Instant from, Instant to) {
        return jdbc.sql(SELECT + " where e.unit_code = ? and e.submitted_at >= ? and e.submitted_at < ? order by e.submitted_at")
                .params(unitCode, Timestamp.from(from), Timestamp.from(to))
                .query(SatisfactionEvaluations::row)
                .list();
    }

    private static Evaluation row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Evaluation(rs.getString("code"), rs.getString("unit_code"), rs.getString("procedure_key"),
                Satisfaction.valueOf(rs.getString("overall")), Satisfaction.valueOf(rs.getString("timeliness")),
                Satisfaction.valueOf(rs.getString("staff_attitude")),
                Satisfaction.valueOf(rs.getString("information_clarity")), rs.getInt("contacts_needed"),
                rs.getString("comment"), rs.getTimestamp("submitted_at").toInstant());
    }
}
