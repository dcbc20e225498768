package org.palflow.drafting;

/**
 * The name a candidate gave a file, made safe to show and to send back: no folders (so no path traversal),
 * no control characters, at most 255 characters. It is never used as a path; files are stored under keys.
 */
final class SafeFileName {

    private SafeFileName() {
    }

    static String of(String name) {
        String base = name == null ? "" : name;
        base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1);
        base = base.replaceAll("[\\p{Cntrl}]", "").strip();
        while (base.startsWith(".")) {
            base = base.substring(1);
        }
        if (base.isBlank()) {
            base = "file";
        }
        return base.length() <= 255 ? base : base.substring(base.length() - 255);
    }
}
