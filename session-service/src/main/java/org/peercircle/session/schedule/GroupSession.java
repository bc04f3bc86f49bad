package org.peercircle.session.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.peercircle.session.attendance.AttendanceEntry;
import org.peercircle.session.programme.Phase;
import org.peercircle.session.programme.Text;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One meeting of a group (table group_session; "session" would clash with Hibernate's Session). */
@Entity
public class GroupSession extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID groupId;
    public int sequence;
    @Enumerated(EnumType.STRING)
    public Phase phase;
    public String themeZh;
    public String themeEn;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Text> objectives = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Text> activities = new ArrayList<>();
    public Instant startsAt;
    public Instant endsAt;
    public String venue;
    /** Token subject of the facilitator leading this session; one of the group's facilitators. */
    public String facilitator;
    @Enumerated(EnumType.STRING)
    public SessionStatus status;
    public Instant attendanceRecordedAt;
    public Instant completedAt;
    @ElementCollection
    @CollectionTable(name = "attendance", joinColumns = @JoinColumn(name = "session_id"))
    public List<AttendanceEntry> attendance = new ArrayList<>();
    @Version
    public long version;

    public Text theme() {
        return new Text(themeZh, themeEn);
    }

    public ConflictDetector.Slot slot(UUID centreId, Set<UUID> members) {
        return new ConflictDetector.Slot(id, sequence, groupId, centreId, startsAt, endsAt, venue, facilitator, members);
    }
}
