package vn.motcua.notify;

/** How an SMS text goes on the air (docs/notifications.md, "SMS"). */
public enum SmsEncoding {
    /** UCS-2 (data coding 0x08): Vietnamese as written. */
    UCS2,
    /** The SMSC's default alphabet (data coding 0x00) with diacritics removed: "Hồ sơ đã nhận" becomes "Ho so da nhan". */
    GSM_UNACCENTED
}
