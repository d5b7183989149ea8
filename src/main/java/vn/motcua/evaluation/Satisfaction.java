package vn.motcua.evaluation;

/** The three-level scale of the public service satisfaction index. */
public enum Satisfaction {
    VERY_SATISFIED, SATISFIED, NOT_SATISFIED
}
