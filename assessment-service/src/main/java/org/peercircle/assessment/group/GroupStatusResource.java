package org.peercircle.assessment.group;

import java.util.List;
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

@Path("/api/v1/groups/{groupId}/assessment-status")
@Tag(name = "Groups", description = "Which members of a group still need a form")
public class GroupStatusResource {

    @Inject
    AssessmentStatus status;

    @GET
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR })
    @Operation(operationId = "getGroupAssessmentStatus", summary = "Who in a group still lacks a PRE or POST score")
    @APIResponse(responseCode = "200", description = "Per instrument, the members still lacking PRE or POST")
    @APIResponse(responseCode = "404", description = "Unknown group, or in another centre")
    public AssessmentStatus.Status get(@PathParam("groupId") UUID groupId,
            @Parameter(description = "Instruments to check (repeatable); default: those used for PRE/POST in the group",
                    example = "UCLA-3")
            @QueryParam("instrument") List<String> instruments) {
        return status.of(groupId, instruments);
    }
}
