package vn.motcua.documents;

import org.springframework.core.io.InputStreamSource;

/**
 * A file as received for a slot, not yet inspected.
 *
 * @param fileName the name the applicant's system gave it; only ever shown, never used as a path
 * @param content  read once, and no further than the slot's size limit
 */
public record Upload(String slot, String fileName, InputStreamSource content) {
}
