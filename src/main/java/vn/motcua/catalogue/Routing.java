package vn.motcua.catalogue;

import java.util.regex.Pattern;

import vn.motcua.unit.UnitLevel;

/**
 * Where a procedure's dossiers are received and which unit decides them ("liên thông" when the two
 * differ), from {@code procedure.receivedAt} and {@code procedure.decidedBy}; see docs/modelling-guide.md.
 *
 * @param receivingLevel the level of the desks that receive (any unit of it), or null when one named unit does
 * @param receivingUnit  the one unit that receives, or null when any unit of {@code receivingLevel} does
 * @param decidedBy      null when the receiving unit decides itself; {@link #PARENT} for the receiving unit's
 *                       parent; else the code of the one unit that decides
 */
public record Routing(UnitLevel receivingLevel, String receivingUnit, String decidedBy) {

    /** {@code procedure.decidedBy = PARENT}: the unit above the receiving one (the district of a commune). */
    public static final String PARENT = "PARENT";
    /** A unit code as the unit list keeps them (the first part of dossier codes). */
    static final Pattern UNIT_CODE = Pattern.compile("[0-9A-Za-z.]{1,32}");

    /** Received and decided by any unit of the procedure's level: no {@code receivedAt}, no {@code decidedBy}. */
    static Routing local(UnitLevel level) {
        return new Routing(level, null, null);
    }

    /** Whether a dossier received at a unit may travel to another for the decision. */
    public boolean travels() {
        return decidedBy != null;
    }

    public boolean decidedByParent() {
        return PARENT.equals(decidedBy);
    }

    /** The unit code named in {@code decidedBy}, or null (the receiving unit or its parent decides). */
    public String decidingUnit() {
        return decidedBy == null || decidedByParent() ? null : decidedBy;
    }

    /** Whether a unit of this level and code may receive the procedure's dossiers. */
    public boolean receivesAt(String unitCode, UnitLevel level) {
        return receivingUnit != null ? receivingUnit.equals(unitCode) : receivingLevel == level;
    }

    /** What the catalogue and refusals say about where dossiers are received: a level or a unit code. */
    public String receivedAt() {
        return receivingUnit != null ? receivingUnit : receivingLevel.name();
    }
}
