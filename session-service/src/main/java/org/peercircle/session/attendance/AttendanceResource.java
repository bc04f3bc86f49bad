package org.peercircle.session.attendance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.session.AttendanceRecorded;
import org.peercircle.platform.outbox.Outbox;
import org.peercircle.platform.problem.Problem;
import org.peercircle.platform.problem.ProblemException;
import org.peercircle.platform.security.Roles;
import org.peercircle.session.membership.Membership;
import org.peercircle.session.schedule.GroupSession;
import org.peercircle.session.schedule.Scheduling;
import org.peercircle.session.schedule.SessionStatus;

@Path("/api/v1/sessions/{sessionId}/attendance")
@Tag(name = "Attendance", description = "Who came to a session")
public class AttendanceResource {

    @Inject
    Scheduling scheduling;

    @Inject
    AtRiskWatch atRisk;

    @Inject
    Outbox outbox;

    @Schema(name = "AttendanceRequest")
    public record AttendanceRequest(
            @Schema(description = "One entry per member; every current member must be listed")
            @NotNull @Size(max = 200) List<@NotNull @Valid Entry> entries) {
    }

    @Schema(name = "AttendanceEntry")
    public record Entry(
            @Schema(examples = "6f1c2a4e-8d1b-4c55-9a39-0b9e2f7d3a10") @NotNull UUID participantId,
            @Schema(examples = "PRESENT") @NotNull AttendanceStatus status) {
    }

    @Schema(name = "Attendance")
    public record AttendanceView(UUID sessionId, boolean recorded, List<Entry> entries,
            Map<AttendanceStatus, Integer> counts) {
    }

    @PUT
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR })
    @Operation(operationId = "recordAttendance",
            summary = "Record (or replace) the attendance of every member; two absences in a row flag a member at risk")
    @APIResponse(responseCode = "200", description = "The recorded attendance")
    @APIResponse(responseCode = "400", description = "A listed person is not a member (named), a member is missing, or listed twice")
    @APIResponse(responseCode = "409", description = "The session is cancelled or already completed")
    public AttendanceView record(@PathParam("sessionId") UUID sessionId, @Valid @NotNull AttendanceRequest request) {
        Scheduling.Visible v = scheduling.requireVisible(sessionId);
        GroupSession s = v.session();
        if (s.status != SessionStatus.SCHEDULED) {
            throw ProblemException.conflict("Session " + sessionId + " is " + s.status
                    + (s.status == SessionStatus.CANCELLED ? "; a cancelled session has no attendance"
                            : "; its attendance is final"))
                    .with("sessionStatus", s.status);
        }
        Set<UUID> members = new HashSet<>(Membership.membersAt(s.groupId, s.startsAt));
        Set<UUID> listed = new LinkedHashSet<>();
        List<Problem.Violation> violations = new ArrayList<>();
        List<UUID> nonMembers = new ArrayList<>();
        for (int i = 0; i < request.entries().size(); i++) {
            UUID p = request.entries().get(i).participantId();
            if (!members.contains(p)) {
                nonMembers.add(p);
                violations.add(new Problem.Violation("entries[" + i + "].participantId",
                        "participant " + p + " is not a member of this group"));
            } else if (!listed.add(p)) {
                violations.add(new Problem.Violation("entries[" + i + "].participantId", "participant " + p + " is listed twice"));
            }
        }
        for (UUID member : scheduling.enrolledMembers(s.groupId)) {
            if (!listed.contains(member)) {
                violations.add(new Problem.Violation("entries", "member " + member + " has no attendance status"));
            }
        }
        if (!violations.isEmpty()) {
            ProblemException problem = ProblemException.invalid(violations);
            throw nonMembers.isEmpty() ? problem : problem.with("nonMembers", nonMembers);
        }
        s.attendance.clear();
        request.entries().forEach(e -> s.attendance.add(new AttendanceEntry(e.participantId(), e.status())));
        s.attendanceRecordedAt = Instant.now();
        outbox.publish(EventTypes.ATTENDANCE_RECORDED, v.group().id, new AttendanceRecorded(v.group().id,
                v.group().centreId, s.id, s.sequence, request.entries().stream()
                        .map(e -> new AttendanceRecorded.Entry(e.participantId(), e.status().name())).toList()));
        GroupSession.flush();
        atRisk.check(v.group());
        return view(s);
    }

    @GET
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR })
    @Operation(operationId = "getAttendance", summary = "The attendance recorded for a session, with counts")
    public AttendanceView get(@PathParam("sessionId") UUID sessionId) {
        return view(scheduling.requireVisible(sessionId).session());
    }

    static AttendanceView view(GroupSession s) {
        return new AttendanceView(s.id, s.attendanceRecordedAt != null,
                s.attendance.stream().map(a -> new Entry(a.participantId, a.status)).toList(), counts(s));
    }

    public static Map<AttendanceStatus, Integer> counts(GroupSession s) {
        Map<AttendanceStatus, Integer> counts = new EnumMap<>(AttendanceStatus.class);
        for (AttendanceStatus status : AttendanceStatus.values()) {
            counts.put(status, 0);
        }
        s.attendance.forEach(a -> counts.merge(a.status, 1, Integer::sum));
        return counts;
    }
}
