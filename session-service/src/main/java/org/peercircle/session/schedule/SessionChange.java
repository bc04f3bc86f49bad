package org.peercircle.session.schedule;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A reschedule or cancellation with the reason given (free text; stays in this service). */
@Entity
public class SessionChange extends PanacheEntityBase {

    public enum Kind { RESCHEDULED, CANCELLED }

    @Id
    public UUID id;
    public UUID sessionId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public Instant previousStartsAt;
    public Instant previousEndsAt;
    public String previousVenue;
    public String reason;
    public String changedBy;
    public Instant changedAt;
}
