package org.peercircle.assessment.administration;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One revision of an administration: 0 is the original submission, each amendment the next one. */
@Entity
@Table(name = "administration_revision")
@IdClass(AdministrationRevision.Key.class)
public class AdministrationRevision extends PanacheEntityBase {

    public static class Key implements Serializable {
        public UUID administrationId;
        public int revision;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(administrationId, k.administrationId) && revision == k.revision;
        }

        @Override
        public int hashCode() {
            return Objects.hash(administrationId, revision);
        }
    }

    @Id
    public UUID administrationId;
    @Id
    public int revision;
    public OffsetDateTime administeredAt;
    public String answers;
    public BigDecimal totalScore;
    public String subscaleScores;
    public String band;
    public boolean prorated;
    public String reason;
    public OffsetDateTime recordedAt;
    public String recordedBy;

    public static List<AdministrationRevision> of(UUID administrationId) {
        return list("administrationId = ?1 order by revision", administrationId);
    }
}
