package org.palflow.originality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Winnowing (Schleimer, Wilkerson and Aiken, 2003): the text is cut into overlapping k-word shingles, each hashed,
 * and from every window of {@code WINDOW} consecutive hashes the smallest is kept. Any passage two texts share
 * that is at least {@code K + WINDOW - 1} content words long is certain to share a fingerprint, and a text keeps
 * only about {@code 2 / (WINDOW + 1)} of its shingles.
 * <p>
 * Words are normalised first so that light paraphrase does not hide a copied passage: lower case, punctuation
 * dropped, common function words removed, and plural, -ing, -ed and -ly endings cut.
 */
public final class Fingerprints {

    static final int K = 4;
    static final int WINDOW = 6;
    private static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "and", "or", "but", "of", "to", "in",
            "on", "at", "by", "for", "with", "from", "as", "is", "are", "was", "were", "be", "been", "being", "it",
            "its", "this", "that", "these", "those", "their", "our", "we", "i", "my", "they", "them", "he", "she",
            "his", "her", "you", "your", "which", "who", "whom", "also", "so", "then", "than", "there", "very", "will",
            "would", "can", "could", "should", "has", "have", "had", "do", "does", "did", "not", "all", "each", "into");

    /** A kept shingle: its hash and the index of its first word among the text's words. */
    public record Fingerprint(long hash, int firstWord) {
    }

    /** The text's words as written, and the fingerprints that point into them. */
    public record Fingerprinted(List<String> words, List<Fingerprint> fingerprints) {
    }

    private Fingerprints() {
    }

    public static Fingerprinted of(String text) {
        List<String> words = List.of(text.strip().split("\\s+"));
        List<Integer> termWord = new ArrayList<>();
        long[] hashes = shingleHashes(words, termWord);
        List<Fingerprint> kept = new ArrayList<>();
        int window = Math.min(WINDOW, hashes.length);
        int lastKept = -1;
        for (int start = 0; start + window <= hashes.length && window > 0; start++) {
            int smallest = start;
            for (int i = start; i < start + window; i++) {
                if (hashes[i] <= hashes[smallest]) {
                    smallest = i;
                }
            }
            if (smallest != lastKept) {
                kept.add(new Fingerprint(hashes[smallest], termWord.get(smallest)));
                lastKept = smallest;
            }
        }
        return new Fingerprinted(words, kept);
    }

    /** Every shingle's hash, not only those winnowing keeps: for corpora a passage may start anywhere in. */
    public static List<Long> allShingles(String text) {
        return java.util.Arrays.stream(shingleHashes(List.of(text.strip().split("\\s+")), new ArrayList<>())).boxed()
                .toList();
    }

    /** The hash of each k-term shingle; {@code termWord} receives the word index each term came from. */
    private static long[] shingleHashes(List<String> words, List<Integer> termWord) {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String term = normalise(words.get(i));
            if (!term.isEmpty() && !FUNCTION_WORDS.contains(term)) {
                terms.add(stem(term));
                termWord.add(i);
            }
        }
        long[] hashes = new long[Math.max(0, terms.size() - K + 1)];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = hash(terms.subList(i, i + K));
        }
        return hashes;
    }

    private static String normalise(String word) {
        StringBuilder term = new StringBuilder(word.length());
        word.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(term::appendCodePoint);
        return term.toString();
    }

    private static String stem(String term) {
        for (String ending : new String[] {"ing", "ed", "ly", "es", "s"}) {
            if (term.length() > ending.length() + 3 && term.endsWith(ending)) {
                return term.substring(0, term.length() - ending.length());
            }
        }
        return term;
    }

    /** 64-bit FNV-1a over the shingle's terms; collisions are rare enough to ignore at this scale. */
    private static long hash(List<String> shingle) {
        long hash = 0xcbf29ce484222325L;
        for (String term : shingle) {
            for (int i = 0; i < term.length(); i++) {
                hash ^= term.charAt(i);
                hash *= 0x100000001b3L;
            }
            hash ^= ' ';
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
