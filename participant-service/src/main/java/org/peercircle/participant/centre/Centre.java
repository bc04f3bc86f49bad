package org.peercircle.participant.centre;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A community centre; every participant belongs to one, and tokens are scoped by centre ids. */
@Entity
public class Centre extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public String district;
    public String address;
    public OffsetDateTime createdAt;
}
