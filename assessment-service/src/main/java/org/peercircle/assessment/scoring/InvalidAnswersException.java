package org.peercircle.assessment.scoring;

import java.util.List;

/** The answers cannot be scored: unknown items, values that are not options, or too few answers. */
public class InvalidAnswersException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidAnswersException(List<Violation> violations) {
        super(violations.toString());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
