package vn.motcua.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Documents as files under one root, {@code <root>/<yyyy>/<mm>/<uuid>}: a month per folder keeps
 * folders small and backups incremental. A file is written to a temporary name in its final folder,
 * forced to disk, then renamed atomically, so a reader or a crash never sees half a document.
 */
public class FilesystemDocumentStore implements DocumentStore {

    private static final Pattern KEY = Pattern.compile("^[0-9]{4}/[0-9]{2}/[0-9a-f-]{36}$");

    private final Path root;

    public FilesystemDocumentStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String put(InputStream content) throws IOException {
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        String key = "%04d/%02d/%s".formatted(month.getYear(), month.getMonthValue(), UUID.randomUUID());
        Path target = path(key);
        Path folder = Files.createDirectories(target.getParent());
        Path temporary = folder.resolve(target.getFileName() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                content.transferTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        forceFolder(folder);
        return key;
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(path(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(path(key));
    }

    /** The file of a key; keys come from our own table, and anything else is refused rather than resolved. */
    Path path(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a document store key: " + key);
        }
        return root.resolve(key);
    }

    // The rename is durable once the folder's entry is on disk; not every filesystem lets a folder be forced.
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Windows and some network filesystems: the file itself was forced, which is what they offer.
        }
    }
}
