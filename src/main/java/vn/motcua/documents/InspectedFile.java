package vn.motcua.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An upload that passed inspection, spooled to a temporary file until it is stored; closing it
 * removes the spool, whether it was stored or not.
 *
 * @param fileName the applicant's file name without any folder part
 * @param text     extracted text, cut at the configured limit; empty for images
 */
public record InspectedFile(String slot, String fileName, DocumentType type, long size, String sha256, String text,
        Path spool) implements AutoCloseable {

    @Override
    public void close() {
        try {
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
