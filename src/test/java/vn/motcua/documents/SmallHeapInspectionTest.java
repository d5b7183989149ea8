package vn.motcua.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.unit.DataSize;

import vn.motcua.support.TestFiles;
import vn.motcua.support.TestMessages;

/**
 * Issue 15, item 1: the inspection of uploads in a JVM with a small heap (256 MB, a quarter of what
 * a node gets by default on a 4 GB machine), as a node under attack has little memory left. Three Word files that inflate to 300 MB
 * each, inspected at once, are refused and the JVM goes on to accept a real file; before, POI read a
 * part of up to 4 GB and the JVM died of OutOfMemoryError.
 */
class SmallHeapInspectionTest {

    @TempDir
    Path spool;

    @Test
    void shouldRefuseZipBombsInParallelWithASmallHeapAndStayHealthy() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Attack.class.getName(), spool.toString())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes());
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("bomb: malformed", "bomb: malformed", "bomb: malformed", "real: accepted")
                .doesNotContain("OutOfMemoryError");
        try (var left = Files.list(spool)) {
            assertThat(left).as("spools left behind").isEmpty();
        }
    }

    /** The child JVM: three bombs at once, then a real file. */
    public static final class Attack {
        public static void main(String[] args) throws Exception {
            DocumentInspector inspector = new DocumentInspector(100_000, Path.of(args[0]), new UploadRefusals(TestMessages.bundle()));
            UploadRule rule = new UploadRule(EnumSet.allOf(DocumentType.class), DataSize.ofMegabytes(20));
            byte[] bomb = TestFiles.docxBomb(300L * 1024 * 1024);
            ExecutorService pool = Executors.newFixedThreadPool(3);
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                outcomes.add(pool.submit(() -> outcome(inspector, "bomb", bomb, rule)));
            }
            for (Future<String> outcome : outcomes) {
                System.out.println(outcome.get());
            }
            pool.shutdown();
            System.out.println(outcome(inspector, "real", TestFiles.docx("Bien ban hop thanh vien"), rule));
        }

        private static String outcome(DocumentInspector inspector, String what, byte[] content, UploadRule rule) {
            try (InspectedFile file = inspector.inspect(new Upload("applicationForm", "don.docx",
                    new ByteArrayResource(content)), rule)) {
                return what + ": accepted";
            } catch (RefusedUploadException refused) {
                return what + ": " + refused.violation().code();
            } catch (OutOfMemoryError e) {
                StringBuilder trace = new StringBuilder(what + ": OutOfMemoryError");
                for (StackTraceElement frame : e.getStackTrace()) {
                    trace.append("\n  at ").append(frame);
                }
                return trace.toString();
            }
        }
    }
}
