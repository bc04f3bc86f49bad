package org.peercircle.session.record;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How far one of the session's objectives (1 = its first) was met, from 1 (not at all) to 5 (fully). */
@Schema(name = "ObjectiveRating")
public record ObjectiveRating(
        @Schema(examples = "1") @Min(1) int objective,
        @Schema(examples = "4") @Min(1) @Max(5) int rating) {
}
