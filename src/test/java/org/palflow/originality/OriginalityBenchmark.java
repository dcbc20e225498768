package org.palflow.originality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fills the originality index with 1,000, 10,000 and 100,000 generated documents and prints the time of one
 * screening at each size, next to a comparison with every document at 10,000, and the recall on planted
 * near-duplicates (verbatim, paraphrased, reordered passages). Run with {@code ./pal test -Pbenchmark}.
 */
class OriginalityBenchmark {

    private static final int WORDS_PER_DOCUMENT = 500;
    private static final int PASSAGE_WORDS = 150;
    private static final int PLANTED_PER_KIND = 100;
    private static final String[] FUNCTION = {"the", "and", "of", "to", "in", "a", "for", "with", "our", "that", "was"};

    private final Random random = new Random(20261122);
    private final String[] vocabulary = vocabulary(6000);
    private final List<String> corpus = new ArrayList<>();
    private final List<long[]> corpusFingerprints = new ArrayList<>();
    private final OriginalityIndex index = new OriginalityIndex();

    @Test
    void screeningTimeAndRecall() {
        for (int size : new int[] {1_000, 10_000, 100_000}) {
            long fillStart = System.nanoTime();
            while (corpus.size() < size) {
                String document = document(WORDS_PER_DOCUMENT);
                long[] fingerprints = hashes(document);
                index.add(corpus.size(), fingerprints);
                corpus.add(document);
                corpusFingerprints.add(fingerprints);
            }
            double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
            List<long[]> queries = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                queries.add(hashes(i % 2 == 0 ? document(WORDS_PER_DOCUMENT) : plantedCopy("verbatim")));
            }
            double indexed = medianMicros(queries, query -> index.closest(query, OriginalityScreening.DEFAULT_MIN_SHARED));
            System.out.printf("BENCHMARK originality index of %,d documents (filled in %.1f s): one screening %.1f µs "
                    + "median of %d%n", size, fillSeconds, indexed, queries.size());
            if (size == 10_000) {
                double allPairs = medianMicros(queries.subList(0, 20), this::allPairs);
                System.out.printf("BENCHMARK all-pairs comparison at %,d documents: one screening %.1f µs median of 20 "
                        + "(%.0fx the index)%n", size, allPairs, allPairs / indexed);
            }
        }
        for (String kind : new String[] {"verbatim", "paraphrased", "reordered", "clean"}) {
            int found = 0;
            for (int i = 0; i < PLANTED_PER_KIND; i++) {
                int source = random.nextInt(corpus.size());
                String document = kind.equals("clean") ? document(WORDS_PER_DOCUMENT) : plantedCopy(kind, source);
                found += index.closest(hashes(document), OriginalityScreening.DEFAULT_MIN_SHARED)
                        .filter(match -> kind.equals("clean") || match.document() == source).isPresent() ? 1 : 0;
            }
            System.out.printf(kind.equals("clean")
                    ? "BENCHMARK false positives on %d clean documents: %d%n"
                    : "BENCHMARK recall on %d %s passages of " + PASSAGE_WORDS + " words: %d found%n",
                    PLANTED_PER_KIND, kind.equals("clean") ? found : kind, found);
        }
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        System.out.printf("BENCHMARK heap in use with %,d documents indexed: %d MB%n", index.documents(),
                (runtime.totalMemory() - runtime.freeMemory()) / (1 << 20));
    }

    private Object allPairs(long[] query) {
        long[] sorted = Arrays.stream(query).distinct().sorted().toArray();
        int best = -1;
        int bestShared = 0;
        for (int document = 0; document < corpusFingerprints.size(); document++) {
            int shared = 0;
            for (long fingerprint : corpusFingerprints.get(document)) {
                shared += Arrays.binarySearch(sorted, fingerprint) >= 0 ? 1 : 0;
            }
            if (shared > bestShared) {
                best = document;
                bestShared = shared;
            }
        }
        return best;
    }

    private static double medianMicros(List<long[]> queries, java.util.function.Function<long[], Object> screening) {
        queries.forEach(screening::apply);
        double[] micros = queries.stream().mapToDouble(query -> {
            long start = System.nanoTime();
            screening.apply(query);
            return (System.nanoTime() - start) / 1e3;
        }).sorted().toArray();
        return micros[micros.length / 2];
    }

    private String plantedCopy(String kind) {
        return plantedCopy(kind, random.nextInt(corpus.size()));
    }

    /** A new document with a passage of the source in it: as is, paraphrased, or with its sentences reordered. */
    private String plantedCopy(String kind, int source) {
        List<String> words = List.of(corpus.get(source).split(" "));
        int start = random.nextInt(words.size() - PASSAGE_WORDS);
        List<String> passage = new ArrayList<>(words.subList(start, start + PASSAGE_WORDS));
        if (kind.equals("paraphrased")) {
            for (int i = 0; i < passage.size(); i++) {
                if (random.nextInt(10) == 0) {
                    passage.set(i, vocabulary[random.nextInt(vocabulary.length)]);
                } else if (random.nextInt(12) == 0) {
                    passage.add(i, FUNCTION[random.nextInt(FUNCTION.length)]);
                } else if (random.nextInt(10) == 0) {
                    passage.set(i, passage.get(i) + "s");
                }
            }
        } else if (kind.equals("reordered")) {
            List<List<String>> sentences = new ArrayList<>();
            for (int i = 0; i < passage.size(); i += 15) {
                sentences.add(passage.subList(i, Math.min(passage.size(), i + 15)));
            }
            Collections.shuffle(sentences, random);
            passage = sentences.stream().flatMap(List::stream).toList();
        }
        return document(200) + " " + String.join(" ", passage) + " " + document(150);
    }

    private String document(int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String word = random.nextInt(3) == 0 ? FUNCTION[random.nextInt(FUNCTION.length)]
                    : vocabulary[(int) Math.min(vocabulary.length - 1, Math.abs(random.nextGaussian()) * vocabulary.length / 3)];
            text.append(i == 0 ? "" : " ").append(word).append(i % 14 == 13 ? "." : "");
        }
        return text.toString();
    }

    private String[] vocabulary(int size) {
        String[] syllables = {"ra", "te", "mo", "lin", "qua", "ser", "vo", "dent", "ach", "plo", "gri", "tun", "bel",
            "som", "kai", "fen", "dro", "mir", "pas", "tel"};
        String[] words = new String[size];
        for (int i = 0; i < size; i++) {
            words[i] = syllables[i % 20] + syllables[(i / 20) % 20] + syllables[(i / 400) % 20] + (i >= 8000 ? "x" : "");
        }
        return words;
    }

    private static long[] hashes(String document) {
        return Fingerprints.of(document).fingerprints().stream().mapToLong(Fingerprints.Fingerprint::hash).toArray();
    }
}
