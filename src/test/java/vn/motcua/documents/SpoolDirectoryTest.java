package vn.motcua.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolDirectoryTest {

    @TempDir
    Path base;

    @Test
    void shouldRemoveTheSpoolOfANodeKilledWhileReceivingAndKeepThoseOfLiveNodes() throws Exception {
        // A node in a process of its own, killed (-9) while it holds an upload in its spool.
        Process node = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledNode.class.getName(), base.toString())
                .redirectErrorStream(true).start();
        String ready = new String(node.getInputStream().readNBytes(5));
        assertThat(ready).isEqualTo("ready");
        List<Path> killedFolders = folders();
        assertThat(killedFolders).hasSize(1);
        assertThat(killedFolders.get(0).resolve("upload.part")).exists();
        node.destroyForcibly();
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();

        try (SpoolDirectory live = SpoolDirectory.open(base)) {
            Files.writeString(live.path().resolve("in-progress.part"), "an upload being received");
            // The next node starts: the dead node's folder goes, the live one stays with its upload.
            try (SpoolDirectory next = SpoolDirectory.open(base)) {
                assertThat(killedFolders.get(0)).doesNotExist();
                assertThat(live.path().resolve("in-progress.part")).exists();
                assertThat(folders()).containsExactlyInAnyOrder(live.path(), next.path());
            }
        }
        assertThat(folders()).as("a node that stops removes its own folder").isEmpty();
    }

    private List<Path> folders() throws IOException {
        try (var list = Files.list(base)) {
            return list.toList();
        }
    }

    /** Opens a spool, leaves an upload in it, says so and waits to be killed. */
    public static final class KilledNode {
        public static void main(String[] args) throws Exception {
            SpoolDirectory spool = SpoolDirectory.open(Path.of(args[0]));
            Files.writeString(spool.path().resolve("upload.part"), "half an upload");
            System.out.print("ready");
            System.out.flush();
            Thread.sleep(600_000);
        }
    }
}
