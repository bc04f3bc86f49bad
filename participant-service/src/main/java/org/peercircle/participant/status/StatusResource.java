package org.peercircle.participant.status;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.participant.ParticipantStatusChanged;
import org.peercircle.contracts.participant.WithdrawalReason;
import org.peercircle.participant.participant.Participant;
import org.peercircle.participant.participant.ParticipantRegistry;
import org.peercircle.participant.participant.ParticipantView;
import org.peercircle.participant.participant.Participant.Status;
import org.peercircle.platform.outbox.Outbox;
import org.peercircle.platform.problem.ProblemException;
import org.peercircle.platform.security.Roles;

@Path("/api/v1/participants/{id}/status")
@Tag(name = "Participants")
public class StatusResource {

    @Inject
    ParticipantRegistry registry;

    @Inject
    Outbox outbox;

    @POST
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER })
    @Operation(operationId = "changeParticipantStatus",
            summary = "Move a participant along the lifecycle; an illegal step answers 409 with the allowed ones")
    public ParticipantView change(@PathParam("id") UUID id, @Valid @NotNull StatusChangeRequest request) {
        Participant p = registry.find(id);
        Status from = p.status;
        if (!StatusTransitions.isAllowed(from, request.status())) {
            throw ProblemException.conflict("A participant who is " + from + " cannot become " + request.status())
                    .with("currentStatus", from)
                    .with("allowedTransitions", StatusTransitions.allowedFrom(from));
        }
        if (request.status() == Status.WITHDRAWN && request.reason() == null) {
            throw ProblemException.invalid("reason", "is required when withdrawing a participant");
        }
        p.status = request.status();
        WithdrawalReason reason = request.status() == Status.WITHDRAWN ? request.reason() : null;
        outbox.publish(EventTypes.PARTICIPANT_STATUS_CHANGED, p.id,
                new ParticipantStatusChanged(p.id, p.centreId, from.name(), p.status.name(), reason));
        return registry.view(p);
    }
}
