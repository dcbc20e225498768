package org.palflow.program;

/**
 * A school district.
 *
 * @param code the state's organisation code; conflicts of interest compare this
 * @param name as people write it and every page shows it ("Springfield Public Schools")
 * @param stateName as the state names it ("Springfield")
 */
public record District(String code, String name, String stateName) {
}
