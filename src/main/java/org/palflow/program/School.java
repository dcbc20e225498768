package org.palflow.program;

/**
 * A school, in its district.
 *
 * @param code the state's school code where known, otherwise a local code (L and seven digits)
 */
public record School(String code, String districtCode, String name) {
}
