package vn.motcua.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's folder for uploads on their way in (Tomcat's multipart parts and the inspector's
 * spools): {@code <base>/node-<uuid>}, locked by the node for as long as it runs. The operating
 * system drops the lock when the process ends, however it ends (kill -9, power loss), so at start
 * a node removes every sibling folder whose lock it can take: what a dead node left behind. Nodes
 * sharing a base folder never touch each other's live uploads.
 */
public final class SpoolDirectory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolDirectory.class);
    private static final String PREFIX = "node-";
    private static final String LOCK = ".lock";

    /**
     * Folders of nodes running in this JVM (tests start several): never opened by a sweep, since
     * closing any channel to a locked file drops this process's lock on it (POSIX record locks).
     */
    private static final java.util.Set<Path> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path path;
    private final FileChannel lockFile;
    private final FileLock lock;

    private SpoolDirectory(Path path, FileChannel lockFile, FileLock lock) {
        this.path = path;
        this.lockFile = lockFile;
        this.lock = lock;
    }

    /** Creates and locks this node's folder under {@code base}, after removing those of dead nodes. */
    public static SpoolDirectory open(Path base) {
        try {
            Files.createDirectories(base);
            sweep(base);
            Path path = Files.createDirectory(base.resolve(PREFIX + UUID.randomUUID()));
            FileChannel channel = FileChannel.open(path.resolve(LOCK), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            LIVE.add(path);
            return new SpoolDirectory(path, channel, channel.lock());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the upload spool under " + base, e);
        }
    }

    public Path path() {
        return path;
    }

    /** Removes the folders of nodes that no longer run: nobody holds their lock. */
    static void sweep(Path base) throws IOException {
        try (Stream<Path> folders = Files.list(base)) {
            for (Path folder : folders.filter(f -> f.getFileName().toString().startsWith(PREFIX)).toList()) {
                if (abandoned(folder)) {
                    LOG.info("Removing the upload spool {} of a node that stopped without cleaning up", folder);
                    delete(folder);
                }
            }
        }
    }

    private static boolean abandoned(Path folder) {
        if (LIVE.contains(folder)) {
            return false;
        }
        Path lockPath = folder.resolve(LOCK);
        if (!Files.exists(lockPath)) {
            // Never locked (a node killed while creating it, or one creating it right now), or half removed.
            try {
                return Files.getLastModifiedTime(folder).toInstant().isBefore(java.time.Instant.now().minusSeconds(60));
            } catch (IOException gone) {
                return false;
            }
        }
        try (FileChannel channel = FileChannel.open(lockPath, StandardOpenOption.WRITE)) {
            FileLock taken = channel.tryLock();
            if (taken == null) {
                return false;
            }
            taken.release();
            return true;
        } catch (OverlappingFileLockException liveInThisJvm) {
            return false;
        } catch (IOException unreadable) {
            return false;
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Removes this node's folder and everything left in it. */
    @Override
    public void close() {
        try {
            lock.release();
            lockFile.close();
            delete(path);
            LIVE.remove(path);
        } catch (IOException e) {
            LOG.warn("Could not remove the upload spool {}", path, e);
        }
    }
}
