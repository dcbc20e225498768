package org.palflow.drafting;

import java.util.Arrays;
import java.util.Optional;

/** The file types evidence charts may allow, named by the extension candidates know them by. */
public enum FileType {
    DOC("application/msword"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ODT("application/vnd.oasis.opendocument.text"),
    PDF("application/pdf"),
    MP4("video/mp4"),
    MOV("video/quicktime");

    private final String mediaType;

    FileType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return name().toLowerCase();
    }

    public static Optional<FileType> ofExtension(String extension) {
        return Arrays.stream(values()).filter(type -> type.extension().equalsIgnoreCase(extension)).findFirst();
    }
}
