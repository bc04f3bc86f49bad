package org.peercircle.participant.status;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.peercircle.contracts.participant.WithdrawalReason;
import org.peercircle.participant.participant.Participant.Status;

@Schema(name = "StatusChangeRequest")
public record StatusChangeRequest(
        @Schema(examples = "WITHDRAWN") @NotNull Status status,
        @Schema(examples = "CARING_DUTIES", description = "Required when the status is WITHDRAWN") WithdrawalReason reason,
        @Schema(description = "Free-text note; stays in participant-service", examples = "搬回老家照顾老伴")
        @Size(max = 2000) String note) {
}
