package vn.motcua.unit;

/**
 * A unit that receives and settles dossiers.
 *
 * @param code the official unit code, the first part of every dossier code it issues
 */
public record Unit(String code, String name, UnitLevel level) {

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
