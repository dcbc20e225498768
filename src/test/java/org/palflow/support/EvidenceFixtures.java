package org.palflow.support;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Real documents made on the fly: a PDF (small, or of a given size), a Word document and an OpenDocument text. */
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

    /**
     * A PDF of {@code size} bytes with one page holding {@code text}, padded with a stream of random bytes no page uses
     * (as a scan's unused images would be), with a cross-reference table, so that a reader finds the page without
     * reading the padding.
     */
    public static Path largePdf(Path file, long size, String text) throws IOException {
        String content = "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET";
        String[] objects = {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
                    + " /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
        long[] offsets = new long[objects.length + 1];
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            ascii(out, "%PDF-1.4\n");
            for (int object = 0; object < objects.length; object++) {
                offsets[object] = out.size();
                ascii(out, (object + 1) + " 0 obj\n" + objects[object] + "\nendobj\n");
            }
            offsets[objects.length] = out.size();
            String paddingHead = (objects.length + 1) + " 0 obj\n<< /Length %010d >>\nstream\n";
            String paddingTail = "\nendstream\nendobj\n";
            long tableAt = size - crossReference(offsets, 0).length();
            long padding = tableAt - out.size() - paddingHead.formatted(0).length() - paddingTail.length();
            ascii(out, paddingHead.formatted(padding));
            byte[] block = new byte[1024 * 1024];
            Random random = new Random(size);
            for (long written = 0; written < padding; written += block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, padding - written));
            }
            ascii(out, paddingTail);
            ascii(out, crossReference(offsets, tableAt));
        }
        if (Files.size(file) != size) {
            throw new IllegalStateException("wrote " + Files.size(file) + " bytes instead of " + size);
        }
        return file;
    }

    /** The cross-reference table and trailer: offsets of ten digits, so its length does not depend on them. */
    private static String crossReference(long[] offsets, long tableAt) {
        StringBuilder table = new StringBuilder("xref\n0 " + (offsets.length + 1) + "\n0000000000 65535 f \n");
        for (long offset : offsets) {
            table.append("%010d 00000 n \n".formatted(offset));
        }
        return table.append("trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%010d\n%%%%EOF\n"
                .formatted(offsets.length + 1, tableAt)).toString();
    }

    private static void ascii(DataOutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
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
