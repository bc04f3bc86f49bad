package org.peercircle.session.schedule;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
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
import org.peercircle.platform.security.Roles;
import org.peercircle.session.group.GroupAccess;
import org.peercircle.session.group.SupportGroup;
import org.peercircle.session.programme.Phase;
import org.peercircle.session.programme.Text;

@Path("/api/v1/groups/{groupId}/sessions")
@Tag(name = "Sessions")
public class GroupSessionsResource {

    @Inject
    GroupAccess access;

    @Inject
    Scheduling scheduling;

    @Schema(name = "SessionRequest")
    public record SessionRequest(
            @NotNull @Valid Text theme,
            @Schema(examples = "CONSOLIDATION") Phase phase,
            @Size(max = 10) List<@NotNull @Valid Text> objectives,
            @Size(max = 20) List<@NotNull @Valid Text> activities,
            @Schema(examples = "2026-05-11T09:30:00+08:00") @NotNull OffsetDateTime startsAt,
            @Schema(examples = "2026-05-11T11:00:00+08:00") @NotNull OffsetDateTime endsAt,
            @Schema(examples = "活动室 A") @Size(max = 200) String venue,
            @Schema(examples = "wang.facilitator") @Size(max = 200) String facilitator) {
    }

    @GET
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR, Roles.INTEGRATION })
    @Operation(operationId = "listSessions", summary = "The group's sessions in time order")
    public List<SessionView> list(@PathParam("groupId") UUID groupId) {
        SupportGroup group = access.require(groupId);
        return GroupSession.<GroupSession>list("groupId = ?1 order by startsAt, sequence", groupId).stream()
                .map(s -> SessionView.of(s, group.zone())).toList();
    }

    @POST
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER })
    @Operation(operationId = "addSession", summary = "Add a session to the group's schedule (next sequence number)")
    @APIResponse(responseCode = "201", description = "Scheduled",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "400", description = "End before start, unknown facilitator, invalid field")
    @APIResponse(responseCode = "409", description = "Clashes with booked sessions (each listed), or the group is closed")
    public Response add(@PathParam("groupId") UUID groupId, @Valid @NotNull SessionRequest request) {
        scheduling.lockBookings();
        SupportGroup group = access.lock(groupId);
        SessionResource.requireOpen(group);
        SessionResource.validateTimes(request.startsAt(), request.endsAt());
        String facilitator = SessionResource.facilitator(group, request.facilitator(), null);
        GroupSession s = new GroupSession();
        s.id = UUID.randomUUID();
        s.groupId = groupId;
        Integer last = GroupSession.find("select max(sequence) from GroupSession where groupId = ?1", groupId)
                .project(Integer.class).firstResult();
        s.sequence = last == null ? 1 : last + 1;
        s.phase = request.phase();
        s.themeZh = request.theme().zh();
        s.themeEn = request.theme().en();
        s.objectives = request.objectives() == null ? new ArrayList<>() : new ArrayList<>(request.objectives());
        s.activities = request.activities() == null ? new ArrayList<>() : new ArrayList<>(request.activities());
        s.startsAt = request.startsAt().toInstant();
        s.endsAt = request.endsAt().toInstant();
        s.venue = SessionResource.blankToNull(request.venue());
        s.facilitator = facilitator;
        s.status = SessionStatus.SCHEDULED;
        scheduling.requireNoClashes(List.of(s.slot(group.centreId, scheduling.enrolledMembers(groupId))));
        s.persist();
        scheduling.announce(group, s);
        return Response.created(URI.create("/api/v1/sessions/" + s.id)).entity(SessionView.of(s, group.zone())).build();
    }
}
