package org.peercircle.assessment.administration;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/** A completed form as submitted by a social worker, a facilitator or the city platform. */
@Schema(name = "AdministrationRequest")
public record AdministrationRequest(
        @Schema(description = "Pseudonymous participant id (from participant-service)",
                examples = "3f6c2a1e-8d4b-4c1a-9e2f-5b7d8c9a0e1f") @NotNull UUID participantId,
        @Schema(description = "The group the form belongs to; required for SESSION_FEEDBACK",
                examples = "9b2e4f6a-1c3d-4e5f-8a7b-6c5d4e3f2a1b") UUID groupId,
        @Schema(examples = "UCLA-3") @NotBlank @Size(max = 40) String instrumentCode,
        @Schema(description = "Defaults to the latest version", examples = "1") @Min(1) Integer instrumentVersion,
        @Schema(examples = "PRE") @NotNull Phase phase,
        @Schema(examples = "2026-03-02T10:30:00+08:00") @NotNull OffsetDateTime administeredAt,
        @Schema(examples = "INTERVIEWER") @NotNull Mode mode,
        @Schema(description = "Item id → option value; a multiple-choice item takes the list of chosen values",
                examples = "{\"1\": 2, \"2\": 3, \"3\": 1}") @NotNull @Size(max = 500) Map<String, JsonNode> answers) {
}
