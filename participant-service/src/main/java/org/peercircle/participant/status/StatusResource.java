package org.peercircle.participant.status;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.peercircle.contracts.participant.WithdrawalReason;
import org.peercircle.participant.audit.AuditLog;
import org.peercircle.participant.audit.AuditOperation;
import org.peercircle.participant.participant.Participant;
import org.peercircle.participant.participant.Participant.Status;
import org.peercircle.participant.participant.ParticipantRegistry;
import org.peercircle.participant.participant.ParticipantView;
import org.peercircle.platform.security.Caller;
import org.peercircle.platform.security.Roles;

@Path("/api/v1/participants/{id}")
@Tag(name = "Participants")
public class StatusResource {

    @Inject
    ParticipantRegistry registry;

    @Inject
    Lifecycle lifecycle;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @Schema(name = "StatusChange")
    public record StatusChangeView(Status from, Status to, WithdrawalReason reason, String note, String changedBy,
            OffsetDateTime changedAt) {
    }

    @POST
    @Path("/status")
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER })
    @Operation(operationId = "changeParticipantStatus",
            summary = "Move a participant along the lifecycle; an illegal step answers 409 with the allowed ones")
    @APIResponse(responseCode = "200", description = "Moved; participant.status-changed.v1 published")
    @APIResponse(responseCode = "409", description = "Illegal transition; `allowedTransitions` lists the legal ones")
    @APIResponse(responseCode = "410", description = "The participant was erased")
    public ParticipantView change(@PathParam("id") UUID id, @Valid @NotNull StatusChangeRequest request) {
        Participant p = registry.find(id);
        lifecycle.change(p, request.status(), request.reason(), request.note(), caller.subject());
        audit.record(AuditOperation.STATUS_CHANGE, p.id, p.centreId);
        return registry.view(p);
    }

    @GET
    @Path("/status-history")
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER })
    @Operation(operationId = "getParticipantStatusHistory", summary = "Every lifecycle step, oldest first, with notes")
    @APIResponse(responseCode = "200", description = "The steps")
    @APIResponse(responseCode = "410", description = "The participant was erased")
    public List<StatusChangeView> history(@PathParam("id") UUID id) {
        Participant p = registry.find(id);
        audit.record(AuditOperation.STATUS_HISTORY, p.id, p.centreId);
        return StatusChange.<StatusChange>list("participantId = ?1 order by id", p.id).stream()
                .map(c -> new StatusChangeView(c.fromStatus, c.toStatus, c.reason, c.note, c.changedBy,
                        c.changedAt.atZoneSameInstant(ParticipantRegistry.CENTRE_ZONE).toOffsetDateTime()))
                .toList();
    }
}
