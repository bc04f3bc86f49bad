package org.peercircle.participant.screening;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.peercircle.participant.audit.AuditLog;
import org.peercircle.participant.audit.AuditOperation;
import org.peercircle.participant.participant.Participant;
import org.peercircle.participant.participant.Participant.Status;
import org.peercircle.participant.participant.ParticipantRegistry;
import org.peercircle.participant.screening.ScreeningDecision.Method;
import org.peercircle.participant.screening.ScreeningDecision.Outcome;
import org.peercircle.platform.security.Caller;
import org.peercircle.platform.security.Roles;

@Path("/api/v1/participants/{id}/screening-decisions")
@Tag(name = "Screening")
public class ScreeningResource {

    @Inject
    ParticipantRegistry registry;

    @Inject
    Screening screening;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @Schema(name = "ManualScreeningDecision")
    public record ManualDecisionRequest(
            @Schema(examples = "ELIGIBLE") @NotNull Outcome outcome,
            @Schema(examples = "得分略低于标准，但独居且近期丧偶，社工评估后认为适合参加小组",
                    description = "Why; stays in participant-service")
            @NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(name = "ScreeningDecision")
    public record ScreeningDecisionView(UUID id, UUID participantId, Outcome outcome, Method method,
            DecisionBasis basis, String reason, Status statusBefore, Status statusAfter, String decidedBy,
            OffsetDateTime decidedAt) {

        static ScreeningDecisionView of(ScreeningDecision d) {
            return new ScreeningDecisionView(d.id, d.participantId, d.outcome, d.method,
                    d.basis == null ? null : JsonText.read(d.basis, DecisionBasis.class), d.reason, d.statusBefore,
                    d.statusAfter, d.decidedBy,
                    d.decidedAt.atZoneSameInstant(ParticipantRegistry.CENTRE_ZONE).toOffsetDateTime());
        }
    }

    @POST
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER })
    @Operation(operationId = "decideScreening",
            summary = "Decide eligibility by hand, with a reason; moves the participant along the lifecycle")
    @APIResponse(responseCode = "201", description = "Decided; each status step published",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ScreeningDecisionView.class)))
    @APIResponse(responseCode = "409", description = "The lifecycle does not lead there from the current status")
    @APIResponse(responseCode = "410", description = "The participant was erased")
    public Response decide(@PathParam("id") UUID id, @Valid @NotNull ManualDecisionRequest request) {
        Participant p = registry.find(id);
        ScreeningDecision decision = screening.decideManually(p, request.outcome(), request.reason().strip(),
                caller.subject());
        audit.record(AuditOperation.SCREENING_DECISION, p.id, p.centreId);
        return Response.created(URI.create("/api/v1/participants/" + id + "/screening-decisions/" + decision.id))
                .entity(ScreeningDecisionView.of(decision)).build();
    }

    @GET
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER })
    @Operation(operationId = "listScreeningDecisions",
            summary = "A participant's screening decisions, newest first, each with its basis or reason")
    @APIResponse(responseCode = "200", description = "The decisions")
    @APIResponse(responseCode = "410", description = "The participant was erased")
    public List<ScreeningDecisionView> list(@PathParam("id") UUID id) {
        Participant p = registry.find(id);
        audit.record(AuditOperation.SCREENING_VIEW, p.id, p.centreId);
        return ScreeningDecision.<ScreeningDecision>list("participantId = ?1 order by decidedAt desc, id", p.id)
                .stream().map(ScreeningDecisionView::of).toList();
    }
}
