package org.palflow.originality;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;

/**
 * Text submissions may legitimately share (the handbook's prompts, school and district documents): every shingle
 * of it, not only the winnowed ones, since a candidate's quotation may start anywhere. Lines starting with # are
 * notes, not corpus.
 */
final class AllowList {

    private final Set<Long> shingles;

    private AllowList(Set<Long> shingles) {
        this.shingles = shingles;
    }

    static AllowList of(Resource... corpus) {
        Set<Long> shingles = new HashSet<>();
        for (Resource resource : corpus) {
            try (InputStream in = resource.getInputStream()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .filter(line -> !line.startsWith("#")).collect(Collectors.joining("\n"));
                shingles.addAll(Fingerprints.allShingles(text));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the originality allow-list " + resource, e);
            }
        }
        return new AllowList(shingles);
    }

    boolean allows(long fingerprint) {
        return shingles.contains(fingerprint);
    }

    /** The fingerprints that count: those the allow-list does not hold. */
    long[] screenable(Fingerprints.Fingerprinted text) {
        return text.fingerprints().stream().mapToLong(Fingerprints.Fingerprint::hash).filter(hash -> !allows(hash))
                .toArray();
    }

    int size() {
        return shingles.size();
    }
}
