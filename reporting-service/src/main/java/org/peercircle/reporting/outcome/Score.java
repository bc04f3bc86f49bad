package org.peercircle.reporting.outcome;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** One scored administration as the outcome calculation needs it (the current revision only). */
public record Score(UUID participantId, UUID groupId, UUID administrationId, String instrumentCode,
        int instrumentVersion, String phase, OffsetDateTime administeredAt, Double total,
        Map<String, Double> subscales, boolean higherIsWorse, Double reliability, Double normSd) {

    public static final String PRE = "PRE";
    public static final String POST = "POST";
}
