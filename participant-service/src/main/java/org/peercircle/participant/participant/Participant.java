package org.peercircle.participant.participant;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.peercircle.contracts.Cohort.Gender;
import org.peercircle.contracts.Cohort.LivingSituation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person referred to a centre. Its id is the pseudonymous id every other service uses. */
@Entity
public class Participant extends PanacheEntityBase {

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
    @Enumerated(EnumType.STRING)
    public ReferralSource referralSource;
    @Enumerated(EnumType.STRING)
    public Status status;
    public OffsetDateTime registeredAt;
    @Version
    public long version;
}
