package org.peercircle.reporting.dashboard;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.peercircle.reporting.outcome.InstrumentOutcome;

/**
 * The figures of a set of centres before any suppression: the centre dashboard shows them as they are, the city
 * dashboard through {@link Suppression}. Only people who count (analytics consent not withdrawn) are in them.
 *
 * @param centres null for the whole city
 */
public record Figures(
        Collection<UUID> centres,
        long peopleServed, long migrants, Map<String, Long> byStatus, Map<String, Long> byAgeBand,
        Map<String, Long> byLivingSituation, Map<String, Long> byGender,
        Map<String, Long> groupsByStatus, long peopleInGroups,
        long enrolled, long completed, long withdrawn, long waitListed, Map<String, Long> withdrawalReasons,
        long attendanceMarks, long attendedMarks, long peopleWithAttendance,
        List<InstrumentOutcome> outcomes, List<Needs> needs) {

    /** Answers to a needs questionnaire: per item, how many people gave each answer (their latest). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "NeedsDistribution")
    public record Needs(String instrumentCode, int instrumentVersion, long respondents,
            Map<String, Map<String, Long>> items) {
    }

    public long livingAlone() {
        return byLivingSituation.getOrDefault("ALONE", 0L);
    }

    public long groups(String status) {
        return groupsByStatus.getOrDefault(status, 0L);
    }

    public Double attendanceRate() {
        return attendanceMarks == 0 ? null : (double) attendedMarks / attendanceMarks;
    }
}
