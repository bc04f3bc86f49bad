package org.peercircle.assessment.administration;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A participant's score history, per instrument, oldest first. */
@Schema(name = "ParticipantScores")
public record ParticipantScores(UUID participantId, List<InstrumentHistory> instruments) {

    @Schema(name = "InstrumentHistory")
    public record InstrumentHistory(
            @Schema(examples = "UCLA-3") String instrumentCode,
            @Schema(examples = "{\"zh-CN\": \"UCLA 孤独感量表（3 条目简版）\", \"en\": \"UCLA Loneliness Scale, 3-item short form\"}")
            Map<String, String> name,
            boolean higherIsWorse,
            List<Score> scores) {
    }

    @Schema(name = "Score")
    public record Score(
            UUID administrationId,
            int instrumentVersion,
            Phase phase,
            OffsetDateTime administeredAt,
            UUID groupId,
            BigDecimal totalScore,
            Map<String, BigDecimal> subscaleScores,
            String band,
            boolean prorated,
            int revision) {
    }
}
