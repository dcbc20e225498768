package org.palflow.originality;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Marks, in one passage, the runs of words it shares with another, so an admin sees the matched text highlighted.
 * A run counts from {@link #RUN} words in a row (shorter runs are common phrases, not copying).
 */
final class SharedWords {

    static final int RUN = 5;

    /** A piece of the passage, shared with the other or not. */
    record Segment(String text, boolean shared) {
    }

    private SharedWords() {
    }

    static List<Segment> in(String passage, String other) {
        String[] words = passage.split("\\s+");
        Set<String> otherRuns = runs(other.split("\\s+"));
        boolean[] shared = new boolean[words.length];
        for (int start = 0; start + RUN <= words.length; start++) {
            if (otherRuns.contains(run(words, start))) {
                java.util.Arrays.fill(shared, start, start + RUN, true);
            }
        }
        List<Segment> segments = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            if (i > 0 && shared[i] != shared[i - 1]) {
                segments.add(new Segment(text.toString(), shared[i - 1]));
                text.setLength(0);
            }
            text.append(words[i]).append(' ');
        }
        if (!text.isEmpty()) {
            segments.add(new Segment(text.toString(), words.length > 0 && shared[words.length - 1]));
        }
        return segments;
    }

    private static Set<String> runs(String[] words) {
        Set<String> runs = new HashSet<>();
        for (int start = 0; start + RUN <= words.length; start++) {
            runs.add(run(words, start));
        }
        return runs;
    }

    private static String run(String[] words, int start) {
        StringBuilder run = new StringBuilder();
        for (int i = start; i < start + RUN; i++) {
            run.append(words[i].toLowerCase(Locale.ROOT).replaceAll("\\W", "")).append(' ');
        }
        return run.toString();
    }
}
