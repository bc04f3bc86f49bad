package org.peercircle.session.record;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A change to a group's programme made along the way, and why (free text; stays in this service). */
@Entity
public class ProgrammeAdjustment extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID groupId;
    public UUID sessionId;
    public String what;
    public String why;
    public String recordedBy;
    public Instant recordedAt;
}
