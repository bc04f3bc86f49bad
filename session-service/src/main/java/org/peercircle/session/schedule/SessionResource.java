package org.peercircle.session.schedule;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.peercircle.platform.problem.Problem;
import org.peercircle.platform.problem.ProblemException;
import org.peercircle.platform.security.Caller;
import org.peercircle.platform.security.Roles;
import org.peercircle.session.group.GroupAccess;
import org.peercircle.session.group.GroupStatus;
import org.peercircle.session.group.SupportGroup;
import org.peercircle.session.group.Versions;

@Path("/api/v1/sessions")
@Tag(name = "Sessions", description = "The schedule of a group: sessions, reschedules, cancellations")
public class SessionResource {

    static final Duration LONGEST_SESSION = Duration.ofHours(12);

    @Inject
    GroupAccess access;

    @Inject
    Scheduling scheduling;

    @Inject
    Caller caller;

    @Schema(name = "RescheduleRequest")
    public record RescheduleRequest(
            @Schema(examples = "2026-05-18T09:30:00+08:00") @NotNull OffsetDateTime startsAt,
            @Schema(examples = "2026-05-18T11:00:00+08:00") @NotNull OffsetDateTime endsAt,
            @Schema(examples = "活动室 B", description = "New venue; unchanged when absent") @Size(max = 200) String venue,
            @Schema(examples = "li.facilitator", description = "New facilitator; unchanged when absent") @Size(max = 200) String facilitator,
            @Schema(examples = "活动室维修") @NotBlank @Size(max = 1000) String reason,
            @Schema(examples = "0") @NotNull Long version) {
    }

    @Schema(name = "CancellationRequest")
    public record CancellationRequest(
            @Schema(examples = "台风停课") @NotBlank @Size(max = 1000) String reason,
            @Schema(examples = "0") @NotNull Long version) {
    }

    @GET
    @Path("/{id}")
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR, Roles.INTEGRATION })
    @Operation(operationId = "getSession", summary = "One session with its reschedules and cancellation")
    public SessionView get(@PathParam("id") UUID id) {
        Scheduling.Visible v = scheduling.requireVisible(id);
        return SessionView.of(v.session(), v.group().zone());
    }

    @POST
    @Path("/{id}/reschedule")
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER })
    @Operation(operationId = "rescheduleSession", summary = "Move a scheduled session (reason kept); checked for clashes")
    @APIResponse(responseCode = "200", description = "The session at its new time")
    @APIResponse(responseCode = "409", description = "Clashes (each listed), not SCHEDULED, group closed, or stale version")
    public SessionView reschedule(@PathParam("id") UUID id, @Valid @NotNull RescheduleRequest request) {
        scheduling.lockBookings();
        Scheduling.Visible v = scheduling.requireVisible(id);
        GroupSession s = v.session();
        Versions.require(request.version(), s.version, "session");
        requireOpen(v.group());
        requireScheduled(s);
        validateTimes(request.startsAt(), request.endsAt());
        String facilitator = facilitator(v.group(), request.facilitator(), s.facilitator);
        scheduling.logChange(s, SessionChange.Kind.RESCHEDULED, request.reason(), caller.subject());
        s.startsAt = request.startsAt().toInstant();
        s.endsAt = request.endsAt().toInstant();
        if (request.venue() != null) {
            s.venue = blankToNull(request.venue());
        }
        s.facilitator = facilitator;
        scheduling.requireNoClashes(List.of(s.slot(v.group().centreId, scheduling.enrolledMembers(s.groupId))));
        scheduling.announce(v.group(), s);
        GroupSession.flush();
        return SessionView.of(s, v.group().zone());
    }

    @POST
    @Path("/{id}/cancel")
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER })
    @Operation(operationId = "cancelSession", summary = "Cancel a scheduled session (reason kept)")
    @APIResponse(responseCode = "200", description = "The cancelled session")
    @APIResponse(responseCode = "409", description = "Not SCHEDULED, or stale version")
    public SessionView cancel(@PathParam("id") UUID id, @Valid @NotNull CancellationRequest request) {
        Scheduling.Visible v = scheduling.requireVisible(id);
        GroupSession s = v.session();
        Versions.require(request.version(), s.version, "session");
        requireScheduled(s);
        scheduling.cancel(v.group(), s, request.reason(), caller.subject());
        GroupSession.flush();
        return SessionView.of(s, v.group().zone());
    }

    static void requireOpen(SupportGroup group) {
        if (group.status == GroupStatus.CLOSED) {
            throw ProblemException.conflict("Group " + group.id + " is CLOSED; its schedule cannot change");
        }
    }

    private static void requireScheduled(GroupSession s) {
        if (s.status != SessionStatus.SCHEDULED) {
            throw ProblemException.conflict("Session " + s.id + " is " + s.status + "; only a SCHEDULED session can change")
                    .with("sessionStatus", s.status);
        }
    }

    static void validateTimes(OffsetDateTime start, OffsetDateTime end) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (!end.isAfter(start)) {
            violations.add(new Problem.Violation("endsAt", "must be after startsAt"));
        } else if (Duration.between(start, end).compareTo(LONGEST_SESSION) > 0) {
            violations.add(new Problem.Violation("endsAt", "a session lasts at most " + LONGEST_SESSION.toHours() + " hours"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    /** The session's facilitator: the one asked for (one of the group's), else {@code current}, else the group's first. */
    static String facilitator(SupportGroup group, String requested, String current) {
        if (requested != null && !requested.isBlank()) {
            if (!group.facilitators.contains(requested.strip())) {
                throw ProblemException.invalid("facilitator", "must be one of the group's facilitators " + group.facilitators);
            }
            return requested.strip();
        }
        return current != null ? current : group.facilitators.stream().findFirst().orElse(null);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
