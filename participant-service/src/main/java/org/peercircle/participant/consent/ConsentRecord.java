package org.peercircle.participant.consent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.peercircle.contracts.participant.ConsentChanged.ConsentType;
import org.peercircle.contracts.participant.ConsentChanged.GivenBy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One grant or withdrawal of a consent. Rows are only added; the latest per type is the consent in force. */
@Entity
public class ConsentRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    public UUID participantId;
    @Enumerated(EnumType.STRING)
    public ConsentType consentType;
    public boolean granted;
    @Enumerated(EnumType.STRING)
    public GivenBy givenBy;
    public LocalDate effectiveDate;
    public String proxyName;
    public String proxyRelation;
    public String note;
    public String recordedBy;
    public OffsetDateTime recordedAt;
}
