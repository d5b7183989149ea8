package vn.motcua.catalogue;

/** Online service level under Decree 42/2022/ND-CP. */
public enum OnlineLevel {
    WHOLLY_ONLINE, PARTIALLY_ONLINE
}
