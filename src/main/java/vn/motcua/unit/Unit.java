package vn.motcua.unit;

import java.time.Instant;

/**
 * A unit that receives and settles dossiers, as an administrator keeps it ({@code /api/admin/units}).
 *
 * @param code               the official unit code (Circular 10/2016 style), the first part of every dossier code it issues
 * @param parentCode         the unit above it in the province's tree (a district above its communes), or null for the top
 * @param letterheadSuperior the governing body printed above the unit's name on its documents, if any
 * @param letterheadPlace    the place name of the date line on its documents, if any
 * @param payeeAccount       the account its fees are paid to, as the bank numbers it, if any
 * @param officeHours        its own office hours when they differ from the agency's ({@code 07:00-11:00,13:00-16:30})
 * @param closedAt           when it stopped taking new dossiers, or null while it is open
 */
public record Unit(String code, String name, UnitLevel level, String parentCode, String address, String phone,
        String email, String letterheadSuperior, String letterheadPlace, String payeeAccount, String officeHours,
        Instant closedAt) {

    public Unit(String code, String name, UnitLevel level) {
        this(code, name, level, null, null, null, null, null, null, null, null, null);
    }

    /** Takes new dossiers. */
    public boolean open() {
        return closedAt == null;
    }

    public String receptionGroup() {
        return "reception:" + code;
    }

    public String specialistGroup() {
        return "specialist:" + code;
    }

    public String headGroup() {
        return "head:" + code;
    }
}
