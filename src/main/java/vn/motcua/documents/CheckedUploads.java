package vn.motcua.documents;

import java.util.List;

/**
 * The outcome of inspecting every file of one request: store the accepted files only when there
 * are no violations at all. Closing removes the temporary copies of the accepted files.
 */
public record CheckedUploads(List<InspectedFile> accepted, List<DocumentViolation> violations) implements AutoCloseable {

    public boolean hasFilesFor(String slot) {
        return accepted.stream().anyMatch(file -> file.slot().equals(slot));
    }

    @Override
    public void close() {
        accepted.forEach(InspectedFile::close);
    }
}
