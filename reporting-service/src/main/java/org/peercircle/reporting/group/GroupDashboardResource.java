package org.peercircle.reporting.group;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.peercircle.platform.security.Roles;
import org.peercircle.reporting.readmodel.Reads;

@Path("/api/v1/groups/{groupId}/dashboard")
@Tag(name = "Dashboards", description = "Figures for a group, a centre or the city, pseudonymous only")
@Produces(MediaType.APPLICATION_JSON)
public class GroupDashboardResource {

    @Inject
    Groups groups;

    @Inject
    GroupProcessQuery query;

    @Inject
    Reads reads;

    @GET
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR, Roles.ANALYST, Roles.INTEGRATION })
    @Operation(operationId = "getGroupDashboard", summary = "Attendance per session and member, retention, "
            + "withdrawal reasons, theme tags and members at risk of a group")
    public GroupProcess get(@Parameter(example = "3f1c1b1e-7d1a-4c55-9a55-0d4f2b0f8a11") @PathParam("groupId") UUID groupId) {
        return reads.call(() -> query.of(groups.visible(groupId)));
    }
}
