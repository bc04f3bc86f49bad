package org.peercircle.assessment.administration;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.peercircle.platform.security.Roles;

@Path("/api/v1/participants/{participantId}/scores")
@Tag(name = "Administrations")
public class ParticipantScoresResource {

    @Inject
    Administrations administrations;

    @GET
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR, Roles.INTEGRATION })
    @Operation(operationId = "getParticipantScores", summary = "A participant's score history per instrument")
    @APIResponse(responseCode = "200", description = "Scores per instrument, oldest first")
    @APIResponse(responseCode = "404", description = "Unknown participant, or in another centre")
    @APIResponse(responseCode = "410", description = "The participant was erased")
    public ParticipantScores scores(@PathParam("participantId") UUID participantId,
            @Parameter(description = "Only this instrument", example = "UCLA-3")
            @QueryParam("instrument") String instrument) {
        return administrations.scores(participantId, instrument);
    }
}
