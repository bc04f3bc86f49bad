package org.peercircle.contracts.assessment;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * The payload of {@code assessment.completed.v1} (revision 0) and {@code assessment.amended.v1} (revision 1,
 * 2, … replacing the scores of the same administration). It carries what reporting needs to judge change
 * without asking assessment-service: the scoring direction and the instrument's reliability and normative
 * SD for the reliable change index, of the total ({@code reliability}, {@code normSd}) and of each subscale that
 * declares them ({@code subscaleReliability}, {@code subscaleNormSd}; added to v1 as optional fields, absent in
 * events published before them). {@code itemValues} are the numeric answers (for needs distributions).
 *
 * <p>{@code phase}: SCREENING, PRE, MID, POST, FOLLOW_UP, SESSION_FEEDBACK or NEEDS.
 */
public record AssessmentScored(
        UUID administrationId,
        int revision,
        UUID participantId,
        UUID centreId,
        UUID groupId,
        String instrumentCode,
        int instrumentVersion,
        String phase,
        OffsetDateTime administeredAt,
        Double totalScore,
        Map<String, Double> subscaleScores,
        String band,
        boolean prorated,
        boolean higherIsWorse,
        Double reliability,
        Double normSd,
        Map<String, Double> itemValues,
        Map<String, Double> subscaleReliability,
        Map<String, Double> subscaleNormSd) {
}
