package org.palflow.drafting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.palflow.platform.security.Actor;
import org.palflow.registration.Candidate;
import org.palflow.registration.Candidates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The readiness report of a draft: every problem scorers would hold against it, before it is submitted. It works
 * on the text already extracted and cached by content hash, so asking again over unchanged files is cheap.
 */
@Service
public class ReadinessReports {

    public record Report(long draftId, Instant computedAt, int blocking, int warnings,
            List<ReadinessFinding> findings) {

        List<ReadinessFinding> of(ReadinessFinding.Severity severity) {
            return findings.stream().filter(finding -> finding.severity() == severity).toList();
        }
    }

    private static final Pattern CHECKED_BOX = Pattern.compile("[☒☑✓✔]|\\[\\s*[xX✓]\\s*]");
    private static final Set<EvidenceText.Status> UNREADABLE = EnumSet.of(EvidenceText.Status.ENCRYPTED,
            EvidenceText.Status.CORRUPT, EvidenceText.Status.ARCHIVE_BOMB, EvidenceText.Status.TIMED_OUT);
    /** Below this share of a part's word limit, work is "far too short" (seed 004: likely to score low). */
    private static final int FAR_UNDER_DIVISOR = 4;
    /** A file with fewer words than this that holds a web address is taken as a link in place of evidence. */
    private static final int LINK_ONLY_WORDS = 40;

    private final DraftingService drafting;
    private final EvidenceTextRepository texts;
    private final Candidates candidates;
    private final ReadinessReportRepository reports;
    private final ObjectMapper json;
    private final Clock clock;

    ReadinessReports(DraftingService drafting, EvidenceTextRepository texts, Candidates candidates,
            ReadinessReportRepository reports, ObjectMapper json, Clock clock) {
        this.drafting = drafting;
        this.texts = texts;
        this.candidates = candidates;
        this.reports = reports;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public Report report(long draftId, Actor actor) {
        return report(drafting.visibleDraft(draftId, actor));
    }

    @Transactional
    Report report(TaskDraft draft) {
        EvidenceChart chart = drafting.chartOf(draft);
        Candidate candidate = candidates.get(draft.getCandidateId());
        List<ReadinessFinding> findings = new ArrayList<>(draftFindings(draft));
        Map<String, EvidenceFile> current = new LinkedHashMap<>();
        drafting.filesOf(draft).forEach(file -> current.put(file.getPartCode(), file));
        Set<String> identifying = BlindingCheck.identifyingTerms(
                Stream.concat(Stream.of(candidate.fullName()), draft.rosterNames().stream()).toList(),
                List.of(candidate.school(), candidate.district()));
        Map<String, EvidenceText> read = texts.byHash(current.values().stream().map(EvidenceFile::getSha256).toList());
        Map<String, List<String>> partsByHash = new LinkedHashMap<>();
        for (EvidenceChart.Part part : chart.parts()) {
            EvidenceFile file = current.get(part.code());
            if (file == null) {
                if (part.minFiles() > 0) {
                    findings.add(ReadinessFinding.blocking("missing-part", part.code(), null, "C",
                            part.name() + " is missing."));
                }
                continue;
            }
            partsByHash.computeIfAbsent(file.getSha256(), hash -> new ArrayList<>()).add(part.code());
            findings.addAll(fileFindings(part, file, Optional.ofNullable(read.get(file.getSha256())), identifying));
        }
        partsByHash.values().stream().filter(parts -> parts.size() > 1).forEach(parts -> findings.add(
                ReadinessFinding.blocking("duplicate-file", String.join(", ", parts), null, "C", "Parts "
                        + String.join(" and ", parts) + " hold the same file; each part needs its own document.")));
        Report report = new Report(draft.getId(), Instant.now(clock),
                (int) findings.stream().filter(f -> f.severity() == ReadinessFinding.Severity.BLOCKING).count(),
                (int) findings.stream().filter(f -> f.severity() == ReadinessFinding.Severity.WARNING).count(),
                findings);
        reports.save(new ReadinessReportRecord(draft.getId(), report.computedAt(), report.blocking(), report.warnings(),
                toJson(findings)));
        return report;
    }

    private static List<ReadinessFinding> draftFindings(TaskDraft draft) {
        List<ReadinessFinding> findings = new ArrayList<>();
        if (blank(draft.getPriorityArea())) {
            findings.add(ReadinessFinding.blocking("priority-area", null, null,
                    draft.getTaskNumber() <= 2 ? "B" : null, "State the priority academic area this task addresses."));
        }
        if (blank(draft.getCollaborationPoints()) || blank(draft.getCollaborationRationale())
                || blank(draft.getCollaborationRoles())) {
            findings.add(ReadinessFinding.blocking("collaboration-disclosure", null, null, null, "Disclose any "
                    + "collaboration: its points, rationale and roles (write \"None\" where there was none)."));
        }
        return findings;
    }

    private static List<ReadinessFinding> fileFindings(EvidenceChart.Part part, EvidenceFile file,
            Optional<EvidenceText> read, Set<String> identifying) {
        String name = file.getOriginalName();
        if (read.isEmpty()) {
            return List.of(ReadinessFinding.blocking("not-yet-read", part.code(), name, null,
                    name + " is still being read; ask for the report again in a moment."));
        }
        EvidenceText text = read.get();
        if (UNREADABLE.contains(text.getStatus())) {
            return List.of(ReadinessFinding.blocking("unreadable-file", part.code(), name, "C", text.getFinding()));
        }
        if (part.kind() == EvidenceChart.PartKind.VIDEO) {
            return List.of();
        }
        List<ReadinessFinding> findings = new ArrayList<>();
        if (text.getStatus() == EvidenceText.Status.TRUNCATED) {
            findings.add(ReadinessFinding.warning("text-truncated", part.code(), name, text.getFinding()));
        }
        int words = text.getWordCount();
        if (words == 0) {
            findings.add(ReadinessFinding.blocking("blank-file", part.code(), name, "C",
                    name + " has no text: blank files earn condition code C."));
            return findings;
        }
        if (part.maxWords() != null && words > part.maxWords()) {
            findings.add(ReadinessFinding.warning("over-word-limit", part.code(), name, name + " has " + words
                    + " words, over the limit of " + part.maxWords() + ": scorers need not read beyond it."));
        } else if (part.maxWords() != null && words < part.maxWords() / FAR_UNDER_DIVISOR
                && part.kind() != EvidenceChart.PartKind.FORM) {
            findings.add(ReadinessFinding.warning("far-under-word-limit", part.code(), name, name + " has " + words
                    + " of the " + part.maxWords() + " words allowed; far-too-short work is likely to score low."));
        }
        text.getPageCount().filter(pages -> part.maxPages() != null && pages > part.maxPages()).ifPresent(pages ->
                findings.add(ReadinessFinding.warning("over-page-limit", part.code(), name, name + " has " + pages
                        + " pages, over the " + part.maxPages() + " single-spaced pages allowed for this part.")));
        if (part.kind() == EvidenceChart.PartKind.FORM && !CHECKED_BOX.matcher(text.getText()).find()) {
            findings.add(ReadinessFinding.blocking("confidentiality-form", part.code(), name, "C", "The "
                    + "Confidentiality and Anonymity Form shows no checked box; check every box, then upload it again."));
        }
        if (words < LINK_ONLY_WORDS && BlindingCheck.containsWebAddress(text.getText())) {
            findings.add(ReadinessFinding.blocking("hyperlink-in-lieu", part.code(), name, "C", name + " is little "
                    + "more than a web address: a hyperlink may not stand in for a required upload."));
        }
        findings.addAll(BlindingCheck.check(text.getText(), part.code(), name, identifying));
        return findings;
    }

    private String toJson(List<ReadinessFinding> findings) {
        try {
            return json.writeValueAsString(findings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
