package org.palflow.drafting;

import java.util.Arrays;
import java.util.Optional;

/** The file types evidence charts may allow, named by the extension candidates know them by. */
public enum FileType {
    DOC, DOCX, ODT, PDF, MP4, MOV;

    public String extension() {
        return name().toLowerCase();
    }

    public static Optional<FileType> ofExtension(String extension) {
        return Arrays.stream(values()).filter(type -> type.extension().equalsIgnoreCase(extension)).findFirst();
    }
}
