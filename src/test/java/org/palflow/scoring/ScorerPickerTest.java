package org.palflow.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The conflict-of-interest rule and the load spread over a generated pool of 200 scorers and 2,000 submissions. */
class ScorerPickerTest {

    @Test
    void noScorerEverGetsWorkFromTheirOwnDistrictOrProgramAndLoadStaysEven() {
        Random random = new Random(7);
        List<ScorerPicker.Load> pool = new ArrayList<>();
        for (long id = 1; id <= 200; id++) {
            pool.add(new ScorerPicker.Load(id, "District " + random.nextInt(30), "PROGRAM-" + random.nextInt(10),
                    12 + random.nextInt(4), 0));
        }
        int violations = 0;
        int unassigned = 0;
        for (int submission = 0; submission < 2_000; submission++) {
            String district = "District " + random.nextInt(30);
            String program = "PROGRAM-" + random.nextInt(10);
            ScorerPicker.Pick pick = ScorerPicker.pick(pool, new ScorerPicker.Work(district, program, Set.of()));
            if (pick.scorerId().isEmpty()) {
                unassigned++;
                continue;
            }
            int index = (int) (pick.scorerId().get() - 1);
            ScorerPicker.Load chosen = pool.get(index);
            if (chosen.districtCode().equals(district) || chosen.programCode().equals(program)) {
                violations++;
            }
            pool.set(index, new ScorerPicker.Load(chosen.scorerId(), chosen.districtCode(), chosen.programCode(),
                    chosen.capacity(), chosen.open() + 1));
        }
        IntSummaryStatistics load = pool.stream().mapToInt(ScorerPicker.Load::open).summaryStatistics();
        System.out.printf("scorer load over 200 scorers, 2,000 submissions: min %d, max %d, mean %.1f; "
                + "unassigned %d; conflicts %d%n", load.getMin(), load.getMax(), load.getAverage(), unassigned, violations);
        assertThat(violations).isZero();
        assertThat(unassigned).isZero();
        assertThat(load.getMax() - load.getMin()).as("spread of open assignments").isLessThanOrEqualTo(1);
    }

    @Test
    void aScorerWhoScoredTheSubmissionOrIsFullIsPassedOverAndNobodyLeftIsExplained() {
        List<ScorerPicker.Load> pool = List.of(
                new ScorerPicker.Load(1, "02810000", "PIONEER-ED", 5, 0),
                new ScorerPicker.Load(2, "00350000", "BAYSTATE-LEAD", 5, 0),
                new ScorerPicker.Load(3, "03480000", "CAPE-LEAD", 5, 1),
                new ScorerPicker.Load(4, "01600000", "CAPE-LEAD", 2, 2),
                new ScorerPicker.Load(5, "02070000", "CAPE-LEAD", 5, 3));
        ScorerPicker.Work work = new ScorerPicker.Work("02810000", "BAYSTATE-LEAD", Set.of(3L));
        assertThat(ScorerPicker.pick(pool, work).scorerId()).contains(5L);
        ScorerPicker.Pick none = ScorerPicker.pick(pool, new ScorerPicker.Work("02810000",
                "BAYSTATE-LEAD", Set.of(3L, 5L)));
        assertThat(none.scorerId()).isEmpty();
        assertThat(none.reasonIfNone()).isEqualTo("No eligible scorer among 5 active: 1 from the candidate's district, "
                + "1 from their preparation program, 2 already scored this submission, 1 at capacity.");
    }

    @Test
    void districtsAreComparedByCodeAndADistrictWithoutOneCountsAsTheSame() {
        List<ScorerPicker.Load> pool = List.of(new ScorerPicker.Load(1, null, "PIONEER-ED", 5, 0),
                new ScorerPicker.Load(2, "00350000", "PIONEER-ED", 5, 1));
        assertThat(ScorerPicker.pick(pool, new ScorerPicker.Work("02810000", "CAPE-LEAD", Set.of())).scorerId())
                .as("the scorer whose district was never matched is passed over").contains(2L);
        ScorerPicker.Pick none = ScorerPicker.pick(pool, new ScorerPicker.Work(null, "CAPE-LEAD", Set.of()));
        assertThat(none.scorerId()).as("a candidate whose district was never matched").isEmpty();
        assertThat(none.reasonIfNone()).startsWith("No eligible scorer among 2 active: 2 from the candidate's district");
    }
}
