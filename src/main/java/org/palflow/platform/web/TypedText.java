package org.palflow.platform.web;

import java.util.Optional;

/**
 * The one rule for text people send: no control characters besides tab and line breaks, and no bidirectional
 * embedding, override or isolate characters, which make a stored name read differently on screen (a right-to-left
 * override turns "Ann" into "nnA").
 */
public final class TypedText {

    private TypedText() {
    }

    /** Why this text cannot be stored, or empty if it can. */
    public static Optional<String> refusal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r'
                    && (Character.getType(c) == Character.CONTROL || isBidirectionalControl(c))) {
                return Optional.of("contains the control character U+%04X; remove it".formatted((int) c));
            }
        }
        return Optional.empty();
    }

    /** An embedding, override or isolate character: it changes how the text around it reads on screen. */
    public static boolean isBidirectionalControl(int c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
