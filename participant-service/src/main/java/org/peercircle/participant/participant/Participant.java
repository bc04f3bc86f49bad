package org.peercircle.participant.participant;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.peercircle.contracts.Cohort.Gender;
import org.peercircle.contracts.Cohort.LivingSituation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A person referred to a centre. Its id is the pseudonymous id every other service uses; after erasure only
 * that id, the centre, the status and the erasure stamp remain (a tombstone).
 */
@Entity
public class Participant extends PanacheEntityBase {

    @Schema(name = "ParticipantStatus")
    public enum Status { REFERRED, SCREENING, ELIGIBLE, INELIGIBLE, ENROLLED, COMPLETED, WITHDRAWN }

    public enum ReferralSource { SELF, FAMILY, NEIGHBOUR, COMMUNITY_WORKER, HOSPITAL, CITY_PLATFORM }

    public enum MoveReason { CARING_FOR_GRANDCHILDREN, JOINING_CHILDREN, HEALTH_CARE, OTHER }

    @Id
    public UUID id;
    public UUID centreId;
    public String fullName;
    @Enumerated(EnumType.STRING)
    public Gender gender;
    public LocalDate birthDate;
    public String phone;
    public String neighbourhood;
    @Enumerated(EnumType.STRING)
    public LivingSituation livingSituation;
    public String hometownProvince;
    public String hometownCity;
    public Integer movedToCityYear;
    @Enumerated(EnumType.STRING)
    public MoveReason moveReason;
    /** Derived from birth date, gender and year of the move (CohortRules.migrant); stored for filtering. */
    public boolean migrant;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> dialects = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> interests = new ArrayList<>();
    public String mobilityNotes;
    public String healthNotes;
    public String emergencyContactName;
    public String emergencyContactRelation;
    public String emergencyContactPhone;
    @Enumerated(EnumType.STRING)
    public ReferralSource referralSource;
    @Enumerated(EnumType.STRING)
    public Status status;
    public OffsetDateTime registeredAt;
    public OffsetDateTime erasedAt;
    public String erasedBy;
    @Version
    public long version;

    public boolean erased() {
        return erasedAt != null;
    }
}
