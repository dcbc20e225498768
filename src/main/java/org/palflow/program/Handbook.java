package org.palflow.program;

import java.time.LocalDate;

/**
 * A version of the PAL candidate handbook, whose rules a candidate is held to.
 *
 * @param tasks12SubmitBy the date by which Tasks 1 and 2 scored under this version still count, where it has one
 */
public record Handbook(String code, String title, boolean openForRegistration, boolean pilot,
        LocalDate tasks12SubmitBy) {

    static Handbook of(HandbookVersion version) {
        return new Handbook(version.getCode(), version.getTitle(), version.isOpenForRegistration(), version.isPilot(),
                version.getTasks12SubmitBy());
    }
}
