package org.peercircle.session.record;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.session.SessionCompleted;
import org.peercircle.platform.outbox.Outbox;
import org.peercircle.platform.problem.ProblemException;
import org.peercircle.platform.security.Roles;
import org.peercircle.session.attendance.AttendanceResource;
import org.peercircle.session.attendance.AttendanceStatus;
import org.peercircle.session.group.Versions;
import org.peercircle.session.schedule.GroupSession;
import org.peercircle.session.schedule.Scheduling;
import org.peercircle.session.schedule.SessionStatus;
import org.peercircle.session.schedule.SessionView;

@Path("/api/v1/sessions/{sessionId}/complete")
@Tag(name = "Process records")
public class SessionCompletionResource {

    @Inject
    Scheduling scheduling;

    @Inject
    Outbox outbox;

    @Schema(name = "SessionCompletion")
    public record Completion(@Schema(examples = "1", description = "The version of the session you read") @NotNull Long version) {
    }

    @POST
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR })
    @Operation(operationId = "completeSession",
            summary = "Mark the session as held; publishes session.completed.v1 with attendance counts, theme tags and objectives met")
    @APIResponse(responseCode = "200", description = "The completed session; session.completed.v1 published")
    @APIResponse(responseCode = "409", description = "Not SCHEDULED, attendance not recorded yet, or a stale version")
    public SessionView complete(@PathParam("sessionId") UUID sessionId, @Valid @NotNull Completion request) {
        Scheduling.Visible v = scheduling.requireVisible(sessionId);
        GroupSession s = v.session();
        Versions.require(request.version(), s.version, "session");
        ProcessRecordResource.requireOpen(s);
        if (s.attendanceRecordedAt == null) {
            throw ProblemException.conflict("Record the attendance of session " + sessionId + " before completing it");
        }
        ProcessRecord r = ProcessRecord.findById(sessionId);
        Map<AttendanceStatus, Integer> counts = AttendanceResource.counts(s);
        s.status = SessionStatus.COMPLETED;
        s.completedAt = Instant.now();
        OffsetDateTime completedAt = s.completedAt.atZone(v.group().zone()).toOffsetDateTime();
        outbox.publish(EventTypes.SESSION_COMPLETED, v.group().id, new SessionCompleted(v.group().id,
                v.group().centreId, s.id, s.sequence, s.theme().preferred(), completedAt,
                counts.get(AttendanceStatus.PRESENT), counts.get(AttendanceStatus.LATE),
                counts.get(AttendanceStatus.ABSENT), counts.get(AttendanceStatus.EXCUSED),
                r == null ? List.of() : List.copyOf(r.themeTags), r == null ? null : r.objectivesMet()));
        GroupSession.flush();
        return SessionView.of(s, v.group().zone());
    }
}
