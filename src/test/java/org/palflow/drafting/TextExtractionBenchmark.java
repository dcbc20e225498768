package org.palflow.drafting;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.sax.BodyContentHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palflow.support.EvidenceFixtures;

/**
 * Prints the time to read one small evidence file (about 140 words) of each type with {@link TextExtractor}, next to
 * Tika's own auto-detecting parser reading the same bytes with the same settings, which guesses the type and looks
 * up its parser every time. Run with {@code ./pal test -Pbenchmark}.
 */
class TextExtractionBenchmark {

    private static final int WARM_UP = 5_000;
    private static final int MEASURED = 3_000;
    private static final String PROSE = "The principal met the instructional leadership team on Tuesday. ".repeat(20);

    @TempDir
    Path folder;

    @Test
    void smallFiles() throws Exception {
        TextExtractor extractor = new TextExtractor(Duration.ofSeconds(30), 1_000_000);
        AutoDetectParser tika = new AutoDetectParser();
        for (FileType type : new FileType[] {FileType.DOCX, FileType.ODT, FileType.PDF}) {
            Path file = folder.resolve("evidence." + type.extension());
            Files.write(file, switch (type) {
                case DOCX -> EvidenceFixtures.docx(PROSE);
                case ODT -> EvidenceFixtures.odt(PROSE);
                default -> EvidenceFixtures.pdf(PROSE);
            });
            double ours = medianMicros(() -> extractor.extract(file, file.getFileName().toString(), type));
            double autoDetect = medianMicros(() -> {
                try (InputStream in = Files.newInputStream(file)) {
                    tika.parse(in, new BodyContentHandler(1_000_000), new Metadata(), TextExtractor.parseContext());
                }
                return null;
            });
            System.out.printf("BENCHMARK text extraction, one small .%s: %.0f µs median of %d; Tika's auto-detecting "
                    + "parser on the same file %.0f µs%n", type.extension(), ours, MEASURED, autoDetect);
        }
    }

    private static double medianMicros(Callable<?> read) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            read.call();
        }
        long[] nanos = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            read.call();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos[MEASURED / 2] / 1e3;
    }
}
