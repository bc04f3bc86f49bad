package org.peercircle.session.record;

import java.net.URI;
import java.time.Instant;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.peercircle.platform.problem.ProblemException;
import org.peercircle.platform.security.Caller;
import org.peercircle.platform.security.Roles;
import org.peercircle.session.group.GroupAccess;
import org.peercircle.session.schedule.GroupSession;

@Path("/api/v1/groups/{groupId}/adjustments")
@Tag(name = "Process records")
public class AdjustmentResource {

    @Inject
    GroupAccess access;

    @Inject
    Caller caller;

    @Schema(name = "AdjustmentRequest")
    public record AdjustmentRequest(
            @Schema(description = "The session the change concerns, if one", examples = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a") UUID sessionId,
            @Schema(examples = "第四节手机教学拆成两次，每次 60 分钟") @NotBlank @Size(max = 4000) String what,
            @Schema(examples = "组员视力不好，一次学不完") @NotBlank @Size(max = 4000) String why) {
    }

    @Schema(name = "Adjustment")
    public record AdjustmentView(UUID id, UUID groupId, UUID sessionId, String what, String why, String recordedBy,
            Instant recordedAt) {
        static AdjustmentView of(ProgrammeAdjustment a) {
            return new AdjustmentView(a.id, a.groupId, a.sessionId, a.what, a.why, a.recordedBy, a.recordedAt);
        }
    }

    @POST
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR })
    @Operation(operationId = "logAdjustment", summary = "Log a change to the group's programme and why it was made")
    public Response log(@PathParam("groupId") UUID groupId, @Valid @NotNull AdjustmentRequest request) {
        access.require(groupId);
        if (request.sessionId() != null) {
            GroupSession s = GroupSession.findById(request.sessionId());
            if (s == null || !s.groupId.equals(groupId)) {
                throw ProblemException.invalid("sessionId", "is not a session of group " + groupId);
            }
        }
        ProgrammeAdjustment a = new ProgrammeAdjustment();
        a.id = UUID.randomUUID();
        a.groupId = groupId;
        a.sessionId = request.sessionId();
        a.what = request.what().strip();
        a.why = request.why().strip();
        a.recordedBy = caller.subject();
        a.recordedAt = Instant.now();
        a.persist();
        return Response.created(URI.create("/api/v1/groups/" + groupId + "/adjustments/" + a.id))
                .entity(AdjustmentView.of(a)).build();
    }

    @GET
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR })
    @Operation(operationId = "listAdjustments", summary = "The group's programme adjustments, oldest first")
    public List<AdjustmentView> list(@PathParam("groupId") UUID groupId) {
        access.require(groupId);
        return ProgrammeAdjustment.<ProgrammeAdjustment>list("groupId = ?1 order by recordedAt, id", groupId).stream()
                .map(AdjustmentView::of).toList();
    }
}
