package vn.motcua.catalogue;

/** How the result reaches the applicant. */
public enum ResultChannel {
    COUNTER, POST, ONLINE
}
