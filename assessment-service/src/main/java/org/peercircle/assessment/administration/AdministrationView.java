package org.peercircle.assessment.administration;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A completed form with its scores; {@code history} lists every revision, the original first. */
@Schema(name = "Administration")
public record AdministrationView(
        UUID id,
        UUID participantId,
        UUID centreId,
        UUID groupId,
        String instrumentCode,
        int instrumentVersion,
        Phase phase,
        Mode mode,
        OffsetDateTime administeredAt,
        @Schema(examples = "{\"1\": 2, \"2\": 3, \"3\": 1}") Map<String, Object> answers,
        @Schema(examples = "6") BigDecimal totalScore,
        @Schema(examples = "{\"emotional\": 2, \"social\": 1}") Map<String, BigDecimal> subscaleScores,
        @Schema(examples = "LONELY") String band,
        @Schema(examples = "{\"zh-CN\": \"孤独\", \"en\": \"Lonely\"}") Map<String, String> bandLabel,
        boolean prorated,
        @Schema(description = "0 for the original, n after n amendments") int revision,
        @Schema(description = "Send it back with an amendment (optimistic concurrency)") long version,
        OffsetDateTime submittedAt,
        List<Revision> history) {

    @Schema(name = "AdministrationRevision")
    public record Revision(
            int revision,
            OffsetDateTime administeredAt,
            Map<String, Object> answers,
            BigDecimal totalScore,
            Map<String, BigDecimal> subscaleScores,
            String band,
            boolean prorated,
            String reason,
            OffsetDateTime recordedAt,
            String recordedBy) {
    }
}
