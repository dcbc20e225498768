package org.palflow.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small real documents made on the fly: a PDF, a Word document and an OpenDocument text. */
public final class EvidenceFixtures {

    private EvidenceFixtures() {
    }

    /** A PDF with one page per argument, each page holding that text on one line. */
    public static byte[] pdf(String... pages) {
        int fontObject = 3 + 2 * pages.length;
        StringBuilder kids = new StringBuilder();
        StringBuilder objects = new StringBuilder();
        for (int i = 0; i < pages.length; i++) {
            int page = 3 + 2 * i;
            String content = "BT /F1 12 Tf 72 720 Td (" + pages[i] + ") Tj ET";
            kids.append(page).append(" 0 R ");
            objects.append(page).append(" 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ")
                    .append(page + 1).append(" 0 R /Resources << /Font << /F1 ").append(fontObject)
                    .append(" 0 R >> >> >> endobj\n")
                    .append(page + 1).append(" 0 obj << /Length ").append(content.length()).append(" >> stream\n")
                    .append(content).append("\nendstream endobj\n");
        }
        String body = "%PDF-1.4\n"
                + "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [" + kids + "] /Count " + pages.length + " >> endobj\n"
                + objects
                + fontObject + " 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n";
        return body.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The smallest MP4 a video part takes: an ISO file-type box and a free box holding {@code label}. */
    public static byte[] mp4(String label) {
        byte[] free = label.getBytes(StandardCharsets.US_ASCII);
        java.nio.ByteBuffer video = java.nio.ByteBuffer.allocate(32 + free.length);
        video.putInt(24).put("ftyp".getBytes(StandardCharsets.US_ASCII)).put("isom".getBytes(StandardCharsets.US_ASCII))
                .putInt(0x200).put("isommp41".getBytes(StandardCharsets.US_ASCII));
        video.putInt(8 + free.length).put("free".getBytes(StandardCharsets.US_ASCII)).put(free);
        return video.array();
    }

    public static byte[] docx(String text) {
        return zip(false,
                "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>",
                "_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>",
                "word/document.xml", "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                        + "<w:body><w:p><w:r><w:t>" + text + "</w:t></w:r></w:p></w:body></w:document>");
    }

    public static byte[] odt(String text) {
        return zip(true,
                "mimetype", "application/vnd.oasis.opendocument.text",
                "META-INF/manifest.xml", "<?xml version=\"1.0\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
                        + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                        + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>",
                "content.xml", "<?xml version=\"1.0\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                        + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text><text:p>" + text
                        + "</text:p></office:text></office:body></office:document-content>");
    }

    /** Name/content pairs; ODF wants its mimetype entry first and uncompressed. */
    private static byte[] zip(boolean firstStored, String... entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < entries.length; i += 2) {
                byte[] data = entries[i + 1].getBytes(StandardCharsets.UTF_8);
                ZipEntry entry = new ZipEntry(entries[i]);
                if (firstStored && i == 0) {
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(data.length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(data);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
