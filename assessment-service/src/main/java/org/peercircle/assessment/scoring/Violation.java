package org.peercircle.assessment.scoring;

/** One problem with a definition or a set of answers: the JSON path of the field and why. */
public record Violation(String field, String message) {
}
