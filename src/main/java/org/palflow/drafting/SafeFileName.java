package org.palflow.drafting;

import org.palflow.platform.web.TypedText;

/**
 * The name a candidate gave a file, made safe to show and to send back: no folders (so no path traversal), no
 * control or direction-override characters (a right-to-left override shows "xcod.pdf" as "fdp.docx"), no leading
 * dots, at most 255 characters; a bare extension (".docx") becomes "file.docx". It is never used as a path; files are
 * stored under keys.
 */
final class SafeFileName {

    private SafeFileName() {
    }

    static String of(String name) {
        String base = name == null ? "" : name;
        base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1);
        base = base.replaceAll("[\\p{Cntrl}]", "").codePoints().filter(c -> !TypedText.isBidirectionalControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        String stem = base.contains(".") ? base.substring(0, base.lastIndexOf('.')) : base;
        String extension = base.substring(stem.length());
        if (stem.chars().allMatch(c -> c == '.')) {
            // ".docx" names the type and nothing else
            base = extension.length() > 1 ? "file" + extension : "file";
        }
        while (base.startsWith(".")) {
            base = base.substring(1);
        }
        return base.length() <= 255 ? base : base.substring(base.length() - 255);
    }
}
