package org.palflow.drafting;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/** Decides a file's type from its content (magic bytes and, for zip containers, their entries), not its name. */
final class FileTypeDetector {

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final String ENCRYPTED_PACKAGE = "EncryptedPackage";
    private static final String ODT_MIMETYPE = "application/vnd.oasis.opendocument.text";

    private FileTypeDetector() {
    }

    static Optional<FileType> detect(Path file) throws IOException {
        byte[] head = new byte[16];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        if (startsWith(head, read, PDF)) {
            return Optional.of(FileType.PDF);
        }
        if (startsWith(head, read, OLE2)) {
            return Optional.of(isEncryptedOfficeOpenXml(file) ? FileType.DOCX : FileType.DOC);
        }
        if (startsWith(head, read, ZIP)) {
            return officeDocument(file);
        }
        if (read >= 12 && new String(head, 4, 4, StandardCharsets.US_ASCII).equals("ftyp")) {
            String brand = new String(head, 8, 4, StandardCharsets.US_ASCII);
            return Optional.of(brand.equals("qt  ") ? FileType.MOV : FileType.MP4);
        }
        return Optional.empty();
    }

    /** Whether the stream, left where it was, holds a zip archive (as a .docx without a password is). */
    static boolean startsAsZip(InputStream in) throws IOException {
        in.mark(ZIP.length);
        try {
            byte[] head = in.readNBytes(ZIP.length);
            return startsWith(head, head.length, ZIP);
        } finally {
            in.reset();
        }
    }

    /**
     * A password-protected .docx is not a zip: Word wraps the encrypted package in an OLE2 container, the format
     * of a .doc. It is still the .docx the candidate meant, and reading it will tell them it has a password.
     */
    private static boolean isEncryptedOfficeOpenXml(Path file) {
        try (POIFSFileSystem container = new POIFSFileSystem(file.toFile(), true)) {
            return container.getRoot().hasEntryCaseInsensitive(ENCRYPTED_PACKAGE);
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    private static Optional<FileType> officeDocument(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("word/document.xml") != null && zip.getEntry("[Content_Types].xml") != null) {
                return Optional.of(FileType.DOCX);
            }
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null && mimetype.getSize() < 200) {
                try (InputStream in = zip.getInputStream(mimetype)) {
                    if (new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().equals(ODT_MIMETYPE)) {
                        return Optional.of(FileType.ODT);
                    }
                }
            }
            return Optional.empty();
        } catch (java.util.zip.ZipException notAZip) {
            return Optional.empty();
        }
    }

    private static boolean startsWith(byte[] head, int read, byte[] magic) {
        return read >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
