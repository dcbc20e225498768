package org.palflow.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palflow.support.EvidenceFixtures;

class TextExtractorTest {

    private static final long SIZE = 100L * 1024 * 1024;

    @TempDir
    Path dir;

    /**
     * A file may have up to 500 MB, and several are read at once: reading one must not hold it in memory. What the
     * reading threads allocate is counted, not the heap's size, which garbage from other tests moves.
     */
    @Test
    void aLargePdfIsReadFromTheDiskNotIntoMemory() throws Exception {
        Path pdf = EvidenceFixtures.largePdf(dir.resolve("scan.pdf"), SIZE, "Family survey results by grade");
        TextExtractor extractor = new TextExtractor(Duration.ofSeconds(60), 2_000_000);
        long before = allocatedByReadingThreads();

        TextExtractor.Extraction extraction = extractor.extract(pdf, "scan.pdf", FileType.PDF);

        assertThat(extraction.status()).isEqualTo(EvidenceText.Status.READABLE);
        assertThat(extraction.text().strip()).isEqualTo("Family survey results by grade");
        assertThat(extraction.pages()).isEqualTo(1);
        assertThat(allocatedByReadingThreads() - before).as("bytes allocated reading a %d MB PDF", SIZE >> 20)
                .isLessThan(SIZE / 4);
    }

    private static long allocatedByReadingThreads() {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
                .filter(thread -> thread != null && thread.getThreadName().startsWith("evidence-extraction-"))
                .mapToLong(thread -> threads.getThreadAllocatedBytes(thread.getThreadId())).filter(bytes -> bytes > 0)
                .sum();
    }
}
