package org.peercircle.reporting.group;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a group ran: membership and retention, attendance per session and per member (the heat map), theme tags,
 * and members at risk of dropping out. People who withdrew analytics consent are not in any figure.
 */
@Schema(name = "GroupDashboard")
public record GroupProcess(
        UUID groupId,
        UUID centreId,
        @Schema(examples = "老漂族互助小组") String title,
        @Schema(examples = "SUPPORT") String kind,
        @Schema(description = "PLANNING, RECRUITING, RUNNING or CLOSED", examples = "RUNNING") String status,
        Integer plannedSessions,
        Integer capacityMax,
        Membership membership,
        @Schema(description = "Withdrawals of members who had a seat, by reason code") Map<String, Long> withdrawalReasons,
        @Schema(description = "Attended (present or late) / recorded over all sessions") Double attendanceRate,
        List<SessionFigures> sessions,
        @Schema(description = "One row per member: the attendance heat map") List<MemberFigures> members,
        List<AtRisk> atRisk) {

    @Schema(name = "GroupMembership", description = "enrolled: holds a seat in a group still running; completed: held a seat when the group "
            + "closed; withdrawn: left after taking a seat; waitListed: waiting; leftWaitList: left while waiting. "
            + "retentionRate = (enrolled + completed) / (enrolled + completed + withdrawn)")
    public record Membership(long enrolled, long completed, long withdrawn, long waitListed, long leftWaitList,
            Double retentionRate) {
    }

    @Schema(name = "SessionAttendance")
    public record SessionFigures(UUID sessionId, int sequence, String theme, String phase, OffsetDateTime startsAt,
            @Schema(description = "SCHEDULED or CANCELLED") String status, OffsetDateTime completedAt,
            List<String> themeTags, Double objectivesMet, long recorded, long present, long late, long absent,
            long excused,
            @Schema(description = "(present + late) / recorded; null before attendance is recorded") Double attendanceRate) {
    }

    @Schema(name = "MemberAttendance")
    public record MemberFigures(UUID participantId,
            @Schema(description = "ENROLLED, WITHDRAWN, WAIT_LISTED, LEFT_WAIT_LIST or NONE (attended without a seat)")
            String state, String withdrawalReason, long attended, long recorded, Double attendanceRate,
            boolean atRisk,
            @Schema(description = "Session sequence number → PRESENT, LATE, ABSENT or EXCUSED") Map<Integer, String> attendance) {
    }

    @Schema(name = "MemberAtRisk", description = "From member.at-risk.v1; cleared once the member attends a later session or leaves")
    public record AtRisk(UUID participantId, int consecutiveAbsences, UUID lastSessionId, Integer lastSessionSequence,
            OffsetDateTime detectedAt) {
    }
}
