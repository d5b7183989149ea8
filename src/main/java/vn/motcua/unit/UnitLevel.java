package vn.motcua.unit;

/** Administrative level of a unit; a procedure is settled at one level. */
public enum UnitLevel {
    COMMUNE, DISTRICT, PROVINCE
}
