package org.peercircle.assessment.administration;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/** A correction of a completed form: the full corrected answers and why. The earlier revisions are kept. */
@Schema(name = "AmendmentRequest")
public record AmendmentRequest(
        @Schema(description = "The administration's current version (optimistic concurrency)", examples = "0")
        @NotNull Long version,
        @Schema(description = "The complete corrected answers", examples = "{\"1\": 2, \"2\": 2, \"3\": 1}")
        @NotNull @Size(max = 500) Map<String, JsonNode> answers,
        @Schema(description = "Why the form is corrected (kept in this service, never published)",
                examples = "第2题录入错误，纸质问卷为\"有时\"") @NotBlank @Size(max = 1000) String reason,
        @Schema(description = "Corrected date of administration, if it was wrong",
                examples = "2026-03-02T10:30:00+08:00") OffsetDateTime administeredAt) {
}
