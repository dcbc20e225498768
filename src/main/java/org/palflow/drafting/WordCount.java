package org.palflow.drafting;

/**
 * Words as LibreOffice Writer counts them (Tools > Word Count, default settings): runs of characters between
 * white space, where the en dash and the em dash also separate words. Any other run is a word, even punctuation
 * alone ("..." or "&") and a list's bullet, but a dash standing alone is not. A word broken across lines after its
 * hyphen ("co-" then "planned", as PDF text comes out) is one word. Checked against LibreOffice itself by
 * {@code LibreOfficeWordCountTest}.
 */
final class WordCount {

    private static final String DASHES = "\u2013\u2014";

    private WordCount() {
    }

    static int of(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean separator = isSeparator(c);
            if (!separator && !inWord) {
                words++;
            }
            inWord = !separator || (inWord && c == '\n' && text.charAt(i - 1) == '-' && continuesWord(text, i + 1));
        }
        return words;
    }

    private static boolean continuesWord(String text, int from) {
        return from < text.length() && Character.isLetterOrDigit(text.charAt(from));
    }

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || DASHES.indexOf(c) >= 0;
    }
}
