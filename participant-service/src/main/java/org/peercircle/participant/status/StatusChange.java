package org.peercircle.participant.status;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.peercircle.contracts.participant.WithdrawalReason;
import org.peercircle.participant.participant.Participant.Status;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One step of a participant's lifecycle; the note is free text and is erased with the person. */
@Entity
public class StatusChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID participantId;
    @Enumerated(EnumType.STRING)
    public Status fromStatus;
    @Enumerated(EnumType.STRING)
    public Status toStatus;
    @Enumerated(EnumType.STRING)
    public WithdrawalReason reason;
    public String note;
    public String changedBy;
    public OffsetDateTime changedAt;
}
