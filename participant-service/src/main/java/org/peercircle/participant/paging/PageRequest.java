package org.peercircle.participant.paging;

import org.peercircle.platform.problem.Problem;
import org.peercircle.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/** page (from 0) and size (1 to {@value #MAX_SIZE}) as the client asked for them, checked. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 100;

    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        List<Problem.Violation> violations = new ArrayList<>();
        if (p < 0) {
            violations.add(new Problem.Violation("page", "must be 0 or more"));
        }
        if (s < 1 || s > MAX_SIZE) {
            violations.add(new Problem.Violation("size", "must be between 1 and " + MAX_SIZE));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return new PageRequest(p, s);
    }

    public int totalPages(long totalItems) {
        return (int) ((totalItems + size - 1) / size);
    }
}
