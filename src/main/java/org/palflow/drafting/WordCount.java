package org.palflow.drafting;

/**
 * Words as a word processor counts them: runs of characters between white space, where a run holds at least one
 * letter or digit (a lone dash or bullet is not a word).
 */
final class WordCount {

    private WordCount() {
    }

    static int of(String text) {
        int words = 0;
        boolean inRun = false;
        boolean runHasWordCharacter = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (inRun && runHasWordCharacter) {
                    words++;
                }
                inRun = false;
                runHasWordCharacter = false;
            } else {
                inRun = true;
                runHasWordCharacter |= Character.isLetterOrDigit(c);
            }
        }
        return inRun && runHasWordCharacter ? words + 1 : words;
    }
}
