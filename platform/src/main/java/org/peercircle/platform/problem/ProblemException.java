package org.peercircle.platform.problem;

import java.util.List;

/** Thrown by service code to answer with a problem; {@link ProblemMappers} turns it into the response. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.getDetail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** 404 for an unknown id, and for a record in a centre the caller may not see (no existence leak). */
    public static ProblemException notFound(String kind, Object id) {
        return new ProblemException(new Problem("not-found", "Not found", 404, kind + " " + id + " was not found", null));
    }

    /** 409: the request conflicts with the current state (illegal transition, duplicate, stale version). */
    public static ProblemException conflict(String detail) {
        return new ProblemException(new Problem("conflict", "Conflict", 409, detail, null));
    }

    /** 400 naming one field. */
    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.Violation(field, message)));
    }

    /** 400 naming each offending field. */
    public static ProblemException invalid(List<Problem.Violation> violations) {
        return new ProblemException(new Problem("validation", "Invalid request", 400,
                "The request has " + violations.size() + " invalid field" + (violations.size() == 1 ? "" : "s"),
                violations));
    }

    public ProblemException with(String member, Object value) {
        problem.with(member, value);
        return this;
    }
}
