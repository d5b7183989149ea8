package vn.motcua.agency;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.agency.AgencyRequestException.Violation;
import vn.motcua.audit.AuditAction;
import vn.motcua.security.UnitGroups;
import vn.motcua.unit.Unit;
import vn.motcua.unit.UnitDirectory;
import vn.motcua.unit.UnitRegistry;

/**
 * Creates, changes, closes and imports units. A new unit has its engine groups and their grants in
 * the same transaction, and every node reads units from the table: it serves dossiers at once,
 * everywhere, with no restart. A unit that dossiers refer to is closed, never deleted.
 */
@Service
class UnitAdministration {

    /** The columns of an import, as {@link UnitForm} names them. */
    static final String[] COLUMNS = {"code", "name", "level", "parentCode", "address", "phone", "email",
            "letterheadSuperior", "letterheadPlace", "payeeAccount", "officeHours"};
    /** More lines than a province has units: refused before anything is checked. */
    static final int MAX_IMPORT_LINES = 20_000;

    private final UnitDirectory units;
    private final UnitRegistry registry;
    private final UnitGroups groups;
    private final UnitRules rules;
    private final AgencyTexts texts;
    private final AgencyAudit audit;

    UnitAdministration(UnitDirectory units, UnitRegistry registry, UnitGroups groups, UnitRules rules, AgencyTexts texts,
            AgencyAudit audit) {
        this.units = units;
        this.registry = registry;
        this.groups = groups;
        this.rules = rules;
        this.texts = texts;
        this.audit = audit;
    }

    List<Unit> all() {
        return units.all();
    }

    Unit get(String code) {
        return units.find(code).orElseThrow(() -> AgencyRequestException.notFound(texts.get("agency.unit.notFound", code)));
    }

    @Transactional
    Unit create(UnitForm form) {
        List<Violation> violations = rules.check(form.code(), form, this::known, null);
        if (violations.isEmpty() && units.find(form.code()).isPresent()) {
            throw AgencyRequestException.conflict(texts.get("agency.unit.exists", form.code()));
        }
        refuseIf(violations);
        Unit unit = unit(form.code(), form, null);
        registry.insert(unit);
        groups.ensure(unit);
        audit.record(AuditAction.UNIT_CREATED, unit.code(), unit.code(), unit.level() + " " + unit.name());
        return unit;
    }

    @Transactional
    Unit update(String code, UnitForm form) {
        Unit current = get(code);
        List<Violation> violations = new ArrayList<>(rules.check(code, form, this::known, null));
        if (form.code() != null && !form.code().equals(code)) {
            violations.add(texts.violation(null, "code", "codeFixed", code));
        }
        refuseIf(violations);
        Unit unit = unit(code, form, current.closedAt());
        registry.update(unit);
        groups.ensure(unit);
        audit.record(AuditAction.UNIT_CHANGED, code, code, changes(current, unit));
        return unit;
    }

    /** Stops new dossiers; the unit's dossiers in progress go on to their result. */
    @Transactional
    Unit close(String code) {
        Unit current = get(code);
        if (!current.open()) {
            return current;
        }
        Unit closed = withClosedAt(current, now());
        registry.update(closed);
        audit.record(AuditAction.UNIT_CLOSED, code, code, null);
        return closed;
    }

    @Transactional
    Unit reopen(String code) {
        Unit current = get(code);
        if (current.open()) {
            return current;
        }
        Unit open = withClosedAt(current, null);
        registry.update(open);
        audit.record(AuditAction.UNIT_REOPENED, code, code, null);
        return open;
    }

    /** Only a unit no dossier, number, stand-in or unit below refers to: a mistyped one, say. */
    @Transactional
    void delete(String code) {
        Unit unit = get(code);
        if (registry.isReferenced(code)) {
            throw AgencyRequestException.conflict(texts.get("agency.unit.referenced", code));
        }
        groups.drop(code);
        registry.delete(code);
        audit.record(AuditAction.UNIT_DELETED, code, code, unit.level() + " " + unit.name());
    }

    /**
     * Imports a province's list (UTF-8 CSV with a header naming {@link #COLUMNS}; a code already
     * there is updated) in one transaction: every line is checked first, and one bad line refuses
     * the whole file with the broken rules of every line. Parents may come before or after their units.
     */
    @Transactional
    ImportReport importCsv(Reader csv) {
        long started = System.nanoTime();
        Map<Integer, UnitForm> lines = parse(csv);
        Map<String, Unit> inFile = new HashMap<>();
        List<Violation> violations = new ArrayList<>();
        Map<String, Integer> lineOfCode = new HashMap<>();
        lines.forEach((line, form) -> {
            if (form.code() != null && lineOfCode.putIfAbsent(form.code(), line) != null) {
                violations.add(texts.violation(line, "code", "duplicate", form.code(), lineOfCode.get(form.code())));
            }
            if (form.code() != null && UnitRules.level(form.level()) != null) {
                inFile.put(form.code(), unit(form.code(), form, null));
            }
        });
        lines.forEach((line, form) -> violations.addAll(rules.check(form.code(), form,
                code -> inFile.containsKey(code) ? inFile.get(code) : known(code), line)));
        if (!violations.isEmpty()) {
            throw AgencyRequestException.invalid(texts.get("agency.import.refused", violations.size()), violations);
        }
        int created = 0;
        int updated = 0;
        for (Unit unit : parentsFirst(inFile)) {
            Unit current = units.find(unit.code()).orElse(null);
            if (current == null) {
                registry.insert(unit);
                created++;
            } else {
                registry.update(withClosedAt(unit, current.closedAt()));
                updated++;
            }
            groups.ensure(unit);
        }
        double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-3);
        ImportReport report = new ImportReport(created, updated, Math.round(seconds * 1000),
                Math.round((created + updated) / seconds * 10) / 10.0);
        audit.record(AuditAction.UNITS_IMPORTED, null, "csv", report.toString());
        return report;
    }

    /** What an import did, and how fast. */
    record ImportReport(int created, int updated, long millis, double unitsPerSecond) {
    }

    private Map<Integer, UnitForm> parse(Reader csv) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        Map<Integer, UnitForm> lines = new LinkedHashMap<>();
        try (CSVParser parser = format.parse(csv)) {
            List<String> header = parser.getHeaderNames();
            List<Violation> violations = new ArrayList<>();
            for (String column : header) {
                if (!List.of(COLUMNS).contains(column.replace("\uFEFF", ""))) {
                    violations.add(texts.violation(1, column, "column", String.join(", ", COLUMNS)));
                }
            }
            if (!header.contains("code") || !header.contains("name") || !header.contains("level")) {
                violations.add(texts.violation(1, "code", "header"));
            }
            refuseIf(violations);
            for (CSVRecord record : parser) {
                if (record.getRecordNumber() > MAX_IMPORT_LINES) {
                    throw AgencyRequestException.invalid(texts.get("agency.import.tooLong", MAX_IMPORT_LINES), List.of());
                }
                int line = Math.toIntExact(parser.getCurrentLineNumber());
                Map<String, String> values = record.toMap();
                lines.put(line, new UnitForm(values.get("code"), values.get("name"), values.get("level"),
                        values.get("parentCode"), values.get("address"), values.get("phone"), values.get("email"),
                        values.get("letterheadSuperior"), values.get("letterheadPlace"), values.get("payeeAccount"),
                        values.get("officeHours")));
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException | UncheckedIOException unreadable) {
            // Commons CSV reports a broken quote or a duplicate header this way.
            throw AgencyRequestException.invalid(texts.get("agency.import.unreadable", String.valueOf(unreadable.getMessage())),
                    List.of());
        }
        if (lines.isEmpty()) {
            throw AgencyRequestException.invalid(texts.get("agency.import.empty"), List.of());
        }
        return lines;
    }

    /** The order the table's parent key needs: a unit after the unit above it. */
    private static List<Unit> parentsFirst(Map<String, Unit> inFile) {
        List<Unit> ordered = new ArrayList<>();
        Map<String, Boolean> placed = new HashMap<>();
        for (Unit unit : inFile.values()) {
            place(unit, inFile, placed, ordered);
        }
        return ordered;
    }

    private static void place(Unit unit, Map<String, Unit> inFile, Map<String, Boolean> placed, List<Unit> ordered) {
        if (placed.putIfAbsent(unit.code(), Boolean.TRUE) != null) {
            return;
        }
        Unit parent = unit.parentCode() == null ? null : inFile.get(unit.parentCode());
        if (parent != null) {
            place(parent, inFile, placed, ordered);
        }
        ordered.add(unit);
    }

    private Unit known(String code) {
        return units.find(code).orElse(null);
    }

    private static void refuseIf(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw AgencyRequestException.invalid(violations.get(0).message(), violations);
        }
    }

    private static Unit unit(String code, UnitForm form, Instant closedAt) {
        return new Unit(code, form.name(), UnitRules.level(form.level()), form.parentCode(), form.address(), form.phone(),
                form.email(), form.letterheadSuperior(), form.letterheadPlace(), form.payeeAccount(), form.officeHours(),
                closedAt);
    }

    private static Unit withClosedAt(Unit unit, Instant closedAt) {
        return new Unit(unit.code(), unit.name(), unit.level(), unit.parentCode(), unit.address(), unit.phone(),
                unit.email(), unit.letterheadSuperior(), unit.letterheadPlace(), unit.payeeAccount(), unit.officeHours(),
                closedAt);
    }

    private static String changes(Unit before, Unit after) {
        List<String> changed = new ArrayList<>();
        compare(changed, "name", before.name(), after.name());
        compare(changed, "level", before.level(), after.level());
        compare(changed, "parentCode", before.parentCode(), after.parentCode());
        compare(changed, "address", before.address(), after.address());
        compare(changed, "phone", before.phone(), after.phone());
        compare(changed, "email", before.email(), after.email());
        compare(changed, "letterheadSuperior", before.letterheadSuperior(), after.letterheadSuperior());
        compare(changed, "letterheadPlace", before.letterheadPlace(), after.letterheadPlace());
        compare(changed, "payeeAccount", before.payeeAccount(), after.payeeAccount());
        compare(changed, "officeHours", before.officeHours(), after.officeHours());
        return String.join("; ", changed);
    }

    private static void compare(List<String> changed, String field, Object before, Object after) {
        if (before == null ? after != null : !before.equals(after)) {
            changed.add(field + ": " + before + " -> " + after);
        }
    }

    private static Instant now() {
        return Instant.now();
    }
}
