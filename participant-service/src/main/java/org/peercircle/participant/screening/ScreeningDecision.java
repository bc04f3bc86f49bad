package org.peercircle.participant.screening;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.ColumnTransformer;
import org.peercircle.participant.participant.Participant.Status;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A screening decision and what it rested on: the rule and scores (automatic) or a worker's reason (manual). */
@Entity
public class ScreeningDecision extends PanacheEntityBase {

    @Schema(name = "ScreeningOutcome")
    public enum Outcome { ELIGIBLE, INELIGIBLE }

    @Schema(name = "ScreeningMethod")
    public enum Method { AUTOMATIC, MANUAL }

    @Id
    public UUID id;
    public UUID participantId;
    public UUID centreId;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    @Enumerated(EnumType.STRING)
    public Method method;
    /** JSON of {@link DecisionBasis}; null for manual decisions. */
    @ColumnTransformer(write = "?::jsonb")
    public String basis;
    public UUID eventId;
    public String reason;
    @Enumerated(EnumType.STRING)
    public Status statusBefore;
    @Enumerated(EnumType.STRING)
    public Status statusAfter;
    public String decidedBy;
    public OffsetDateTime decidedAt;
}
