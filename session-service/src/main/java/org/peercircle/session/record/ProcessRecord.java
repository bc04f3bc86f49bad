package org.peercircle.session.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What happened in a session: objectives met, themes, observations per member and notes (which stay here). */
@Entity
public class ProcessRecord extends PanacheEntityBase {

    @Id
    public UUID sessionId;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<ObjectiveRating> objectiveRatings = new ArrayList<>();
    /** Codes of {@link ThemeTag}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> themeTags = new ArrayList<>();
    public String notes;
    @ElementCollection
    @CollectionTable(name = "member_observation", joinColumns = @JoinColumn(name = "session_id"))
    public List<MemberObservation> members = new ArrayList<>();
    public String recordedBy;
    public Instant updatedAt;
    @Version
    public long version;

    /** The mean rating of the objectives, null when none was rated. */
    public Double objectivesMet() {
        return objectiveRatings.isEmpty() ? null
                : objectiveRatings.stream().mapToInt(ObjectiveRating::rating).average().orElseThrow();
    }
}
