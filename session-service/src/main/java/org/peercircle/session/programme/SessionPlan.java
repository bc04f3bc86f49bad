package org.peercircle.session.programme;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One planned session of a programme template. {@code sequence} is assigned from the order of the plans. */
@Schema(name = "SessionPlan")
public record SessionPlan(
        @Schema(readOnly = true, examples = "2") int sequence,
        @Schema(examples = "CHANGE") @NotNull Phase phase,
        @NotNull @Valid Text theme,
        @NotEmpty @Size(max = 10) List<@NotNull @Valid Text> objectives,
        @Size(max = 20) List<@NotNull @Valid Text> activities,
        @Schema(examples = "90") @Min(15) @Max(480) int defaultDurationMinutes) {

    SessionPlan numbered(int n) {
        return new SessionPlan(n, phase, theme, objectives, activities == null ? List.of() : activities,
                defaultDurationMinutes);
    }
}
