package org.peercircle.participant.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One access to one participant's personal data. Rows are written by {@link AuditLog} and never changed. */
@Entity
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public OffsetDateTime occurredAt;
    public String subject;
    public String role;
    @Enumerated(EnumType.STRING)
    public AuditOperation operation;
    public UUID participantId;
    public UUID centreId;
}
