package org.peercircle.reporting.outcome;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.peercircle.platform.security.Roles;
import org.peercircle.reporting.assessment.Scores;
import org.peercircle.reporting.group.Groups;
import org.peercircle.reporting.readmodel.Reads;

@Path("/api/v1/groups/{groupId}/outcomes")
@Tag(name = "Outcomes", description = "Did the group work? Paired pre/post statistics per instrument and subscale")
@Produces(MediaType.APPLICATION_JSON)
public class GroupOutcomesResource {

    @Inject
    Groups groups;

    @Inject
    Scores scores;

    @Inject
    Reads reads;

    @Schema(name = "GroupOutcomes")
    public record GroupOutcomes(UUID groupId, UUID centreId,
            @Schema(description = "Instruments given to the group both before (PRE) and after (POST)")
            List<InstrumentOutcome> instruments) {
    }

    @GET
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR, Roles.ANALYST, Roles.INTEGRATION })
    @Operation(operationId = "getGroupOutcomes", summary = "Paired pre/post outcomes of a group: t-test, Wilcoxon, "
            + "effect sizes and reliable change per member")
    public GroupOutcomes get(@Parameter(example = "3f1c1b1e-7d1a-4c55-9a55-0d4f2b0f8a11") @PathParam("groupId") UUID groupId) {
        return reads.call(() -> {
            Groups.Group group = groups.visible(groupId);
            return new GroupOutcomes(groupId, group.centreId(),
                    OutcomeCalculator.outcomes(scores.outcomeScoresOfGroup(groupId), true));
        });
    }
}
