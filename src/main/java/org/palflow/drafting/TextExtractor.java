package org.palflow.drafting;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.xml.parsers.SAXParserFactory;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.CompositeParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Reads the text of .doc, .docx, .odt and .pdf files with Apache Tika, within bounds: at most
 * {@code pal.drafting.extraction.max-characters} characters and {@code pal.drafting.extraction.timeout} per file.
 * Whatever goes wrong becomes a finding for the candidate, never an exception for the worker.
 */
@Component
class TextExtractor {

    /** {@code pages} is known for PDFs only: a word processor's stored count is from its last layout, often stale. */
    record Extraction(EvidenceText.Status status, String text, int words, Integer pages, String finding) {

        static Extraction unreadable(EvidenceText.Status status, String finding) {
            return new Extraction(status, null, 0, null, finding);
        }
    }

    static {
        // XMLBeans asks JAXP for a new SAX parser factory for every part of a .docx it reads, and JAXP, given no
        // factory by name, searches each jar on the class path for one every time: a tenth of the time spent reading
        // a .docx in the lifecycle benchmark. No jar here offers one, so naming the JDK's own is what it found anyway.
        if (System.getProperty(SAXParserFactory.class.getName()) == null) {
            System.setProperty(SAXParserFactory.class.getName(),
                    "com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl");
        }
    }

    /** The type the upload decided from the content, for {@link UploadTypeParser}. */
    private static final String UPLOAD_TYPE = "pal-upload-type";

    private final AutoDetectParser parser = new UploadTypeParser();
    private final ExecutorService executor = Executors.newCachedThreadPool(Thread.ofPlatform()
            .name("evidence-extraction-", 0).daemon().factory());
    private final Duration timeout;
    private final int maxCharacters;

    @Autowired
    TextExtractor(DraftingProperties properties) {
        this(properties.extraction().timeout(), properties.extraction().maxCharacters());
    }

    TextExtractor(Duration timeout, int maxCharacters) {
        this.timeout = timeout;
        this.maxCharacters = maxCharacters;
    }

    Extraction extract(Path file, String name, FileType type) {
        Future<Extraction> reading = executor.submit(() -> read(file, name, type));
        try {
            return reading.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reading.cancel(true);
            return Extraction.unreadable(EvidenceText.Status.TIMED_OUT, name + " could not be read within "
                    + timeout.toSeconds() + " s; scorers may not be able to open it either (condition code C).");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + name, e);
        } catch (ExecutionException e) {
            return unreadable(name, e.getCause());
        }
    }

    private Extraction read(Path file, String name, FileType type) {
        BodyContentHandler text = new BodyContentHandler(maxCharacters);
        // The type the upload decided from the content: Tika takes it instead of guessing (UploadTypeParser).
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        metadata.set(UPLOAD_TYPE, type.mediaType());
        // Tika's own stream over the file, not a plain stream: given a plain one, the PDF parser read the whole file
        // into the heap (a 300 MB PDF grew the heap by 320 MB, against 26 MB this way).
        try (InputStream in = TikaInputStream.get(file)) {
            parser.parse(in, new BlockBreaks(text, type == FileType.ODT), metadata, parseContext());
        } catch (Exception e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                String read = text.toString();
                return new Extraction(EvidenceText.Status.TRUNCATED, read, WordCount.of(read), pages(type, metadata), name + " has more than "
                        + maxCharacters + " characters of text; only those were read and counted.");
            }
            return unreadable(name, e);
        }
        String read = text.toString();
        return new Extraction(EvidenceText.Status.READABLE, read, WordCount.of(read), pages(type, metadata), null);
    }

    private static Integer pages(FileType type, Metadata metadata) {
        String stated = metadata.get(PagedText.N_PAGES);
        return type == FileType.PDF && stated != null && stated.matches("\\d{1,6}") ? Integer.valueOf(stated) : null;
    }

    static ParseContext parseContext() {
        // A PDF's bookmarks repeat its headings; LibreOffice does not count them, and neither do scorers.
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setExtractBookmarksText(false);
        // A .docx read as a stream of XML events, not loaded whole into XMLBeans objects first (a quarter of the
        // time spent reading the lifecycle benchmark's documents): 700-770 instead of 830-900 us a small .docx.
        OfficeParserConfig office = new OfficeParserConfig();
        office.setUseSAXDocxExtractor(true);
        ParseContext context = new ParseContext();
        context.set(PDFParserConfig.class, pdf);
        context.set(OfficeParserConfig.class, office);
        return context;
    }

    /**
     * Tika's auto-detecting parser (which also guards against archive bombs and reads embedded documents), minus two
     * things it does for every file: guessing the type, which the upload already decided from the content, and
     * listing which parser takes which type, the same list every time. Together they were over half the CPU time
     * spent reading the lifecycle benchmark's .docx files. The one type whose container may not be what its name
     * says is left to Tika: a password-protected .docx is an OLE2 file, and Tika's guess finds it protected.
     */
    private static final class UploadTypeParser extends AutoDetectParser {

        private final Map<MediaType, Parser> parsersByType;

        UploadTypeParser() {
            ParseContext context = parseContext();
            parsersByType = leafParsersByType(super.getParsers(context), context);
            Detector guess = getDetector();
            setDetector((input, metadata) -> {
                // Documents embedded in the upload have no type of the upload's: Tika guesses theirs.
                String decided = metadata.get(UPLOAD_TYPE);
                boolean trusted = decided != null
                        && (!decided.equals(FileType.DOCX.mediaType()) || FileTypeDetector.startsAsZip(input));
                return trusted ? MediaType.parse(decided) : guess.detect(input, metadata);
            });
        }

        @Override
        public Map<MediaType, Parser> getParsers(ParseContext context) {
            return parsersByType;
        }

        /**
         * Each type's own parser, not the composite of all of Tika's parsers that holds it: handed a file, that
         * composite would list which of its parsers takes which type all over again.
         */
        private static Map<MediaType, Parser> leafParsersByType(Map<MediaType, Parser> parsers, ParseContext context) {
            Map<CompositeParser, Map<MediaType, Parser>> listed = new HashMap<>();
            Map<MediaType, Parser> leaves = new HashMap<>();
            parsers.forEach((type, parser) -> leaves.put(type, parser instanceof CompositeParser composite
                    ? listed.computeIfAbsent(composite, all -> all.getParsers(context)).getOrDefault(type, parser)
                    : parser));
            return Map.copyOf(leaves);
        }
    }

    /**
     * Ends every block (paragraph, heading, list item, table cell) with a line break. Some of Tika's parsers, the
     * OpenDocument one among them, leave none after a heading, so its last word would run into the next line's first.
     * The OpenDocument parser also drops list labels, which the reader sees and LibreOffice counts as words, so
     * they are put back as a bullet.
     */
    private static final class BlockBreaks extends ContentHandlerDecorator {

        private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th",
                "tr", "div", "blockquote", "pre", "dt", "dd", "caption");
        private static final char[] LINE_BREAK = {'\n'};
        private static final char[] LIST_LABEL = {'•', ' '};

        private final boolean labelListItems;

        BlockBreaks(ContentHandler handler, boolean labelListItems) {
            super(handler);
            this.labelListItems = labelListItems;
        }

        @Override
        public void startElement(String uri, String localName, String name, Attributes attributes)
                throws SAXException {
            super.startElement(uri, localName, name, attributes);
            if (labelListItems && localName.equals("li")) {
                characters(LIST_LABEL, 0, LIST_LABEL.length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String name) throws SAXException {
            super.endElement(uri, localName, name);
            if (BLOCKS.contains(localName)) {
                characters(LINE_BREAK, 0, 1);
            }
        }
    }

    private static Extraction unreadable(String name, Throwable problem) {
        for (Throwable cause = problem; cause != null; cause = cause.getCause()) {
            if (cause instanceof EncryptedDocumentException) {
                return Extraction.unreadable(EvidenceText.Status.ENCRYPTED, name + " is password-protected: scorers "
                        + "cannot open it (condition code C). Upload it without a password.");
            }
            String message = String.valueOf(cause.getMessage()).toLowerCase();
            if (message.contains("zip bomb") || message.contains("suspected zip bomb")) {
                return Extraction.unreadable(EvidenceText.Status.ARCHIVE_BOMB, name + " expands to far more than its "
                        + "size, as archive bombs do; it was not read (condition code C).");
            }
        }
        return Extraction.unreadable(EvidenceText.Status.CORRUPT, name + " cannot be opened (" + rootMessage(problem)
                + "); scorers would code it C (unopenable file).");
    }

    private static String rootMessage(Throwable problem) {
        Throwable root = problem;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }
}
