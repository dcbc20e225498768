package org.palflow.drafting;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.jpa.repository.JpaRepository;

interface EvidenceTextRepository extends JpaRepository<EvidenceText, String> {

    /** What was read of each of these contents, by hash, in one query: a content not read yet has none. */
    default Map<String, EvidenceText> byHash(Collection<String> hashes) {
        return findAllById(hashes.stream().distinct().toList()).stream()
                .collect(Collectors.toMap(EvidenceText::getSha256, Function.identity()));
    }
}
