package org.peercircle.assessment.administration;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A completed form and its current (latest revision's) scores. Answers and scores are stored as JSON text. */
@Entity
public class Administration extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID participantId;
    public UUID centreId;
    public UUID groupId;
    public String instrumentCode;
    public int instrumentVersion;
    @Enumerated(EnumType.STRING)
    public Phase phase;
    @Enumerated(EnumType.STRING)
    public Mode mode;
    public OffsetDateTime administeredAt;
    public int revision;
    public String answers;
    public BigDecimal totalScore;
    public String subscaleScores;
    public String band;
    public boolean prorated;
    public OffsetDateTime submittedAt;
    public String submittedBy;
    public String idempotencyKey;
    public String requestHash;
    @Version
    public long version;
}
