package vn.motcua.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemDocumentStoreTest {

    @TempDir
    Path root;

    @Test
    void shouldWriteUnderAGeneratedKeyAndReadItBack() throws IOException {
        FilesystemDocumentStore store = new FilesystemDocumentStore(root);
        byte[] content = "nội dung".getBytes(StandardCharsets.UTF_8);

        String key = store.put(new ByteArrayInputStream(content));

        assertThat(key).matches("[0-9]{4}/[0-9]{2}/[0-9a-f-]{36}");
        try (InputStream in = store.open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(files()).containsExactly(root.resolve(key));
    }

    @Test
    void shouldLeaveNothingWhenTheContentFailsHalfway() {
        FilesystemDocumentStore store = new FilesystemDocumentStore(root);
        InputStream failing = new InputStream() {
            private int sent;

            // ">=", not "==": InputStream.read(byte[]) swallows an IOException after the first byte
            // of a chunk, so the failing read must keep failing or the stream never ends.
            @Override
            public int read() throws IOException {
                if (sent++ >= 100_000) {
                    throw new IOException("connection reset by the applicant");
                }
                return 'x';
            }
        };

        assertThatThrownBy(() -> store.put(failing)).isInstanceOf(IOException.class);
        assertThat(files()).isEmpty();
    }

    @Test
    void shouldDeleteAndTolerateAKeyAlreadyGone() throws IOException {
        FilesystemDocumentStore store = new FilesystemDocumentStore(root);
        String key = store.put(new ByteArrayInputStream(new byte[] {1, 2, 3}));

        store.delete(key);
        store.delete(key);

        assertThat(files()).isEmpty();
    }

    @Test
    void shouldRefuseKeysItDidNotIssue() {
        FilesystemDocumentStore store = new FilesystemDocumentStore(root);
        for (String forged : List.of("../../etc/passwd", "2026/11/../../../x", "/etc/passwd", "")) {
            assertThatThrownBy(() -> store.open(forged)).as(forged).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private List<Path> files() {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
