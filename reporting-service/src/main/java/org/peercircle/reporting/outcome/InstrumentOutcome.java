package org.peercircle.reporting.outcome;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Outcomes of one instrument version: its total score and each subscale. */
@Schema(name = "InstrumentOutcome")
public record InstrumentOutcome(
        @Schema(examples = "UCLA-LS3") String instrumentCode,
        @Schema(examples = "1") int instrumentVersion,
        @Schema(description = "True when a lower score is better (loneliness); decides improved vs worse")
        boolean higherIsWorse,
        ScaleOutcome total,
        List<ScaleOutcome> subscales) {
}
