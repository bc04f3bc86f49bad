package org.peercircle.reporting.outcome;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * One scored administration as the outcome calculation needs it (the current revision only), with the reliable
 * change constants of its instrument version: the total's and those of the subscales that declare them.
 */
public record Score(UUID participantId, UUID groupId, UUID administrationId, String instrumentCode,
        int instrumentVersion, String phase, OffsetDateTime administeredAt, Double total,
        Map<String, Double> subscales, boolean higherIsWorse, Double reliability, Double normSd,
        Map<String, Double> subscaleReliability, Map<String, Double> subscaleNormSd) {

    public static final String PRE = "PRE";
    public static final String POST = "POST";

    /** The reliability of {@link OutcomeCalculator#TOTAL} or of a subscale; null when it declares none. */
    public Double reliabilityOf(String scale) {
        return OutcomeCalculator.TOTAL.equals(scale) ? reliability
                : subscaleReliability == null ? null : subscaleReliability.get(scale);
    }

    /** The normative SD of {@link OutcomeCalculator#TOTAL} or of a subscale; null when it declares none. */
    public Double normSdOf(String scale) {
        return OutcomeCalculator.TOTAL.equals(scale) ? normSd : subscaleNormSd == null ? null : subscaleNormSd.get(scale);
    }
}
