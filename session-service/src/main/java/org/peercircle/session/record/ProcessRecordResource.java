package org.peercircle.session.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
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
import org.peercircle.platform.problem.Problem;
import org.peercircle.platform.problem.ProblemException;
import org.peercircle.platform.security.Caller;
import org.peercircle.platform.security.Roles;
import org.peercircle.session.group.Versions;
import org.peercircle.session.membership.Membership;
import org.peercircle.session.schedule.GroupSession;
import org.peercircle.session.schedule.Scheduling;
import org.peercircle.session.schedule.SessionStatus;

@Path("/api/v1/sessions/{sessionId}/process-record")
@Tag(name = "Process records", description = "What happened in a session; completing it publishes counts and tags")
public class ProcessRecordResource {

    @Inject
    Scheduling scheduling;

    @Inject
    Caller caller;

    @Schema(name = "ProcessRecordRequest")
    public record ProcessRecordRequest(
            @Size(max = 10) List<@NotNull @Valid ObjectiveRating> objectiveRatings,
            @Size(max = 200) List<@NotNull @Valid Observation> members,
            @Schema(examples = "[\"loneliness\", \"technology\"]") @Size(max = 13) List<@NotNull ThemeTag> themeTags,
            @Schema(examples = "组员主动分享了用微信视频的经历", description = "Observation notes; never leave session-service")
            @Size(max = 10000) String notes,
            @Schema(examples = "0", description = "The version you read; omit when writing the first record") Long version) {
    }

    @Schema(name = "MemberObservation")
    public record Observation(
            @Schema(examples = "5a0e8f3c-2b1d-4c6e-8f7a-9b0c1d2e3f4a") @NotNull UUID participantId,
            @Schema(examples = "RESPONSIVE") @NotNull ParticipationLevel participation,
            @Schema(examples = "CALM") @NotNull Mood mood,
            @Schema(examples = "第一次主动发言") @Size(max = 2000) String note) {
    }

    @Schema(name = "ProcessRecord")
    public record ProcessRecordView(UUID sessionId, List<ObjectiveRating> objectiveRatings, Double objectivesMet,
            List<Observation> members, List<ThemeTag> themeTags, String notes, String recordedBy,
            Instant updatedAt, long version) {

        static ProcessRecordView of(ProcessRecord r) {
            return new ProcessRecordView(r.sessionId, r.objectiveRatings, r.objectivesMet(),
                    r.members.stream().map(m -> new Observation(m.participantId, m.participation, m.mood, m.note)).toList(),
                    r.themeTags.stream().map(ThemeTag::of).toList(), r.notes, r.recordedBy, r.updatedAt, r.version);
        }
    }

    @PUT
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR })
    @Operation(operationId = "recordProcess",
            summary = "Write the session's process record: objectives met (1–5), members' participation and mood, theme tags, notes")
    @APIResponse(responseCode = "200", description = "The saved process record")
    @APIResponse(responseCode = "400", description = "Unknown objective, an observed person who is not a member, invalid field")
    @APIResponse(responseCode = "409", description = "The session is cancelled or completed, or the record changed meanwhile")
    public ProcessRecordView write(@PathParam("sessionId") UUID sessionId, @Valid @NotNull ProcessRecordRequest request) {
        Scheduling.Visible v = scheduling.requireVisible(sessionId);
        GroupSession s = v.session();
        requireOpen(s);
        List<Problem.Violation> violations = new ArrayList<>();
        List<ObjectiveRating> ratings = request.objectiveRatings() == null ? List.of() : request.objectiveRatings();
        Set<Integer> rated = new HashSet<>();
        for (int i = 0; i < ratings.size(); i++) {
            int objective = ratings.get(i).objective();
            if (objective > s.objectives.size()) {
                violations.add(new Problem.Violation("objectiveRatings[" + i + "].objective",
                        "the session has " + s.objectives.size() + " objective" + (s.objectives.size() == 1 ? "" : "s")));
            } else if (!rated.add(objective)) {
                violations.add(new Problem.Violation("objectiveRatings[" + i + "].objective", "is rated twice"));
            }
        }
        List<Observation> observations = request.members() == null ? List.of() : request.members();
        Set<UUID> members = new HashSet<>(Membership.membersAt(s.groupId, s.startsAt));
        Set<UUID> observed = new HashSet<>();
        for (int i = 0; i < observations.size(); i++) {
            UUID p = observations.get(i).participantId();
            if (!members.contains(p)) {
                violations.add(new Problem.Violation("members[" + i + "].participantId",
                        "participant " + p + " is not a member of this group"));
            } else if (!observed.add(p)) {
                violations.add(new Problem.Violation("members[" + i + "].participantId", "participant " + p + " is listed twice"));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        ProcessRecord r = ProcessRecord.findById(sessionId);
        if (r == null) {
            r = new ProcessRecord();
            r.sessionId = sessionId;
        } else {
            Versions.require(request.version(), r.version, "process record");
        }
        r.objectiveRatings = new ArrayList<>(ratings);
        r.themeTags = request.themeTags() == null ? new ArrayList<>()
                : new ArrayList<>(new LinkedHashSet<>(request.themeTags()).stream().map(ThemeTag::code).toList());
        r.notes = request.notes();
        r.members.clear();
        for (Observation o : observations) {
            MemberObservation m = new MemberObservation();
            m.participantId = o.participantId();
            m.participation = o.participation();
            m.mood = o.mood();
            m.note = o.note();
            r.members.add(m);
        }
        r.recordedBy = caller.subject();
        r.updatedAt = Instant.now();
        r.persist();
        ProcessRecord.flush();
        return ProcessRecordView.of(r);
    }

    @GET
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR })
    @Operation(operationId = "getProcessRecord", summary = "The session's process record")
    public ProcessRecordView read(@PathParam("sessionId") UUID sessionId) {
        scheduling.requireVisible(sessionId);
        ProcessRecord r = ProcessRecord.findById(sessionId);
        if (r == null) {
            throw ProblemException.notFound("process record of session", sessionId);
        }
        return ProcessRecordView.of(r);
    }

    static void requireOpen(GroupSession s) {
        if (s.status != SessionStatus.SCHEDULED) {
            throw ProblemException.conflict("Session " + s.id + " is " + s.status
                    + (s.status == SessionStatus.COMPLETED ? "; its record is final" : "; a cancelled session has no record"))
                    .with("sessionStatus", s.status);
        }
    }
}
