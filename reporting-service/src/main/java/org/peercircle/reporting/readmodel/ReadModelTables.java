package org.peercircle.reporting.readmodel;

import java.util.List;

/** Every table that is built from events, and so is replaced by a rebuild. */
public final class ReadModelTables {

    /** The inbox comes first: a swap locks it before the others, the order in which a consumer touches them. */
    public static final List<String> ALL = List.of(
            "processed_event",
            "participant_cohort", "analytics_consent", "erased_participant", "network_snapshot",
            "support_group", "group_member", "group_session", "session_attendance", "member_at_risk",
            "assessment_score",
            "dashboard_count", "outcome_tally", "instrument_scale");

    /** Tables holding a participant id, which an erasure clears. */
    public static final List<String> PER_PARTICIPANT = List.of(
            "participant_cohort", "analytics_consent", "network_snapshot", "group_member", "session_attendance",
            "member_at_risk", "assessment_score");

    private ReadModelTables() {
    }
}
