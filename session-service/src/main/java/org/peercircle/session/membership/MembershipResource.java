package org.peercircle.session.membership;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.peercircle.contracts.participant.WithdrawalReason;
import org.peercircle.platform.problem.ProblemException;
import org.peercircle.platform.security.Roles;
import org.peercircle.session.group.GroupAccess;
import org.peercircle.session.group.SupportGroup;

@Path("/api/v1/groups/{groupId}/members")
@Tag(name = "Membership", description = "Seats, wait-list and withdrawals")
public class MembershipResource {

    @Inject
    Enrolments enrolments;

    @Inject
    GroupAccess access;

    @Schema(name = "EnrolmentRequest")
    public record EnrolmentRequest(
            @Schema(examples = "6f1c2a4e-8d1b-4c55-9a39-0b9e2f7d3a10", description = "Pseudonymous participant id")
            @NotNull UUID participantId) {
    }

    @Schema(name = "Member")
    public record MemberView(UUID participantId, MembershipStatus status,
            @Schema(description = "Place on the wait-list, 1 = next; only for WAIT_LISTED") Integer position,
            OffsetDateTime requestedAt, OffsetDateTime enrolledAt, boolean fromWaitList, OffsetDateTime withdrawnAt,
            WithdrawalReason withdrawalReason) {

        static MemberView of(Membership m, Integer position) {
            return new MemberView(m.participantId, m.status, position, m.requestedAt, m.enrolledAt, m.fromWaitList,
                    m.withdrawnAt, m.withdrawalReason);
        }
    }

    @Schema(name = "Roster")
    public record Roster(UUID groupId, int capacityMin, int capacityMax, List<MemberView> enrolled,
            List<MemberView> waitList, List<MemberView> withdrawn) {
    }

    @POST
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER })
    @Operation(operationId = "enrolMember",
            summary = "Ask for a seat: 201 ENROLLED while seats are free, otherwise WAIT_LISTED with a position")
    @APIResponse(responseCode = "201", description = "Enrolled or wait-listed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "400", description = "No such participant in the group's centre")
    @APIResponse(responseCode = "409", description = "Not eligible, already a member, group closed, or a timetable clash")
    public Response enrol(@PathParam("groupId") UUID groupId, @Valid @NotNull EnrolmentRequest request) {
        Enrolments.Outcome outcome = enrolments.enrol(groupId, request.participantId());
        return Response.created(URI.create("/api/v1/groups/" + groupId + "/members/" + request.participantId()))
                .entity(MemberView.of(outcome.membership(), outcome.position())).build();
    }

    @GET
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR })
    @Operation(operationId = "listMembers", summary = "The group's members, its wait-list in order, and who left")
    public Roster list(@PathParam("groupId") UUID groupId) {
        SupportGroup group = access.require(groupId);
        List<MemberView> enrolled = Membership.<Membership>list("groupId = ?1 and status = ?2 order by arrival",
                groupId, MembershipStatus.ENROLLED).stream().map(m -> MemberView.of(m, null)).toList();
        List<MemberView> waitList = new ArrayList<>();
        List<Membership> queue = Membership.waitList(groupId);
        for (int i = 0; i < queue.size(); i++) {
            waitList.add(MemberView.of(queue.get(i), i + 1));
        }
        List<MemberView> withdrawn = Membership.<Membership>list("groupId = ?1 and status = ?2 order by withdrawnAt",
                groupId, MembershipStatus.WITHDRAWN).stream().map(m -> MemberView.of(m, null)).toList();
        return new Roster(groupId, group.capacityMin, group.capacityMax, enrolled, waitList, withdrawn);
    }

    @DELETE
    @Path("/{participantId}")
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER })
    @Operation(operationId = "withdrawMember",
            summary = "A member or wait-listed person leaves, with a reason code; a freed seat goes to the next on the wait-list")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    public Response withdraw(@PathParam("groupId") UUID groupId, @PathParam("participantId") UUID participantId,
            @Parameter(required = true, description = "Why the person left", example = "HEALTH")
            @QueryParam("reason") String reason) {
        enrolments.withdraw(groupId, participantId, reason(reason));
        return Response.noContent().build();
    }

    /** Parsed here rather than by JAX-RS, which would answer a bad query value with 404. */
    private static WithdrawalReason reason(String value) {
        List<String> allowed = Arrays.stream(WithdrawalReason.values()).filter(r -> r != WithdrawalReason.ERASED)
                .map(Enum::name).toList();
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid("reason", "is required: one of " + allowed);
        }
        if (!allowed.contains(value)) {
            throw ProblemException.invalid("reason", "'" + value + "' is not one of " + allowed);
        }
        return WithdrawalReason.valueOf(value);
    }
}
