package org.palflow.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * The real LibreOffice, headless: it makes the documents the word-count tests read, and says how many words it
 * counts in them. {@code ./pal test} installs it where it is missing.
 */
public final class LibreOffice {

    private static final Pattern STATISTIC = Pattern.compile("meta:word-count=\"(\\d+)\"");
    private static final List<Path> PLACES = List.of(Path.of("/usr/bin/soffice"),
            Path.of("/usr/lib/libreoffice/program/soffice"), Path.of("/opt/libreoffice/program/soffice"));

    private final Path soffice;
    private final Path profile;

    private LibreOffice(Path soffice, Path profile) {
        this.soffice = soffice;
        this.profile = profile;
    }

    /** LibreOffice with a profile of its own under {@code workDir}, so a desktop instance does not interfere. */
    public static LibreOffice in(Path workDir) {
        Path found = PLACES.stream().filter(Files::isExecutable).findFirst().orElse(null);
        if (found == null) {
            fail("LibreOffice (soffice) is not installed; ./pal test installs it with apt-get "
                    + "(package libreoffice-writer-nogui), or install it yourself.");
        }
        return new LibreOffice(found, workDir.resolve("libreoffice-profile"));
    }

    /**
     * Converts every file into {@code format} (a LibreOffice filter spec such as {@code odt} or {@code docx}),
     * written next to the sources under {@code outDir}; one LibreOffice start for the lot.
     */
    public List<Path> convert(String format, Path outDir, String inFilter, List<Path> sources) {
        List<String> command = new ArrayList<>(List.of(soffice.toString(), "-env:UserInstallation=" + profile.toUri(),
                "--headless", "--norestore"));
        if (inFilter != null) {
            command.add("--infilter=" + inFilter);
        }
        command.addAll(List.of("--convert-to", format, "--outdir", outDir.toString()));
        sources.forEach(source -> command.add(source.toString()));
        run(command);
        String extension = format.contains(":") ? format.substring(0, format.indexOf(':')) : format;
        List<Path> converted = sources.stream().map(source -> outDir.resolve(baseName(source) + "." + extension)).toList();
        converted.stream().filter(Files::notExists).findFirst()
                .ifPresent(missing -> fail("LibreOffice did not write " + missing));
        return converted;
    }

    /** The word count LibreOffice stores in an OpenDocument file it saved (File > Properties > Statistics). */
    public static int wordCount(Path odt) {
        try (ZipFile zip = new ZipFile(odt.toFile()); InputStream meta = zip.getInputStream(zip.getEntry("meta.xml"))) {
            Matcher statistic = STATISTIC.matcher(new String(meta.readAllBytes(), StandardCharsets.UTF_8));
            if (statistic.find()) {
                return Integer.parseInt(statistic.group(1));
            }
            throw new IllegalStateException(odt + " has no word count in meta.xml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output;
            try (InputStream out = process.getInputStream()) {
                output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                fail("LibreOffice failed: " + String.join(" ", command) + "\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
