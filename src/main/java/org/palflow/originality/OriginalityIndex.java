package org.palflow.originality;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Fingerprint → documents that hold it, in primitive arrays (an open-addressing table of hashes, each heading a
 * linked list of postings): about 20 bytes a fingerprint, so 100,000 documents fit in a few hundred megabytes.
 * One screening looks up only its own fingerprints, so its cost follows the number of shared fingerprints, not
 * the number of documents. Thread-safe.
 */
public final class OriginalityIndex {

    /** The earlier document sharing the most fingerprints, and how many. */
    public record Candidate(int document, int sharedFingerprints) {
    }

    private long[] keys = new long[1 << 16];
    private int[] heads = new int[1 << 16];
    private int distinct;
    private int[] postingDocument = new int[1 << 16];
    private int[] postingNext = new int[1 << 16];
    private int postings;
    private int documents;

    /** Adds a document's distinct fingerprints; adding the same document twice is the caller's to avoid. */
    public synchronized void add(int document, long[] fingerprints) {
        for (long fingerprint : distinct(fingerprints)) {
            if ((distinct + 1) * 4L > keys.length * 3L) {
                growTable();
            }
            if (postings + 1 >= postingDocument.length) {
                postingDocument = Arrays.copyOf(postingDocument, postingDocument.length * 2);
                postingNext = Arrays.copyOf(postingNext, postingNext.length * 2);
            }
            int slot = slotOf(keys, heads, fingerprint);
            if (heads[slot] == 0) {
                keys[slot] = fingerprint;
                distinct++;
            }
            postings++;
            postingDocument[postings] = document;
            postingNext[postings] = heads[slot];
            heads[slot] = postings;
        }
        documents++;
    }

    /**
     * The earlier document that shares the most of these fingerprints (the lowest-numbered one on a tie), if any
     * shares at least {@code minimum}.
     */
    public Optional<Candidate> closest(long[] fingerprints, int minimum) {
        return closest(fingerprints, minimum, document -> true);
    }

    /** As {@link #closest(long[], int)}, among the documents {@code eligible} accepts. */
    public synchronized Optional<Candidate> closest(long[] fingerprints, int minimum, IntPredicate eligible) {
        Map<Integer, Integer> shared = new HashMap<>();
        for (long fingerprint : distinct(fingerprints)) {
            int slot = slotOf(keys, heads, fingerprint);
            for (int posting = heads[slot]; posting != 0; posting = postingNext[posting]) {
                shared.merge(postingDocument[posting], 1, Integer::sum);
            }
        }
        return shared.entrySet().stream().filter(entry -> entry.getValue() >= minimum && eligible.test(entry.getKey()))
                // On a tie the earliest document is the likelier source.
                .max(Map.Entry.<Integer, Integer>comparingByValue()
                        .thenComparing(Map.Entry.<Integer, Integer>comparingByKey().reversed()))
                .map(entry -> new Candidate(entry.getKey(), entry.getValue()));
    }

    public synchronized int documents() {
        return documents;
    }

    private static long[] distinct(long[] fingerprints) {
        return Arrays.stream(fingerprints).distinct().toArray();
    }

    /** The slot holding {@code key}, or the empty slot where it would go (linear probing). */
    private static int slotOf(long[] keys, int[] heads, long key) {
        int mask = keys.length - 1;
        int slot = (int) (mix(key) & mask);
        while (heads[slot] != 0 && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }

    private void growTable() {
        long[] oldKeys = keys;
        int[] oldHeads = heads;
        keys = new long[oldKeys.length * 2];
        heads = new int[oldHeads.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldHeads[i] != 0) {
                int slot = slotOf(keys, heads, oldKeys[i]);
                keys[slot] = oldKeys[i];
                heads[slot] = oldHeads[i];
            }
        }
    }
}
