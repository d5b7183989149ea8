package vn.motcua.catalogue;

/** When the lifecycle waits for a procedure's fee ({@code procedure.payment}). */
public enum PaymentStage {
    /** After the receipt, before the procedure's own processing starts. */
    BEFORE_PROCESSING,
    /** After the head of unit approved, before the result is handed over. */
    BEFORE_RESULT,
    /** Nothing to wait for: the procedure is free, or its fee is collected outside motcua. */
    NONE
}
