package org.peercircle.session.group;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A support, mutual-aid or interest group of a centre (table support_group; GROUP is an SQL keyword). */
@Entity
public class SupportGroup extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID centreId;
    public String name;
    @Enumerated(EnumType.STRING)
    public GroupKind kind;
    public String targetPopulation;
    public String approach;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> goals;
    public int capacityMin;
    public int capacityMax;
    public String timeZone;
    @Enumerated(EnumType.STRING)
    public GroupStatus status;
    public String templateCode;
    public OffsetDateTime createdAt;
    public String createdBy;
    /** Token subjects of the facilitators. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "group_facilitator", joinColumns = @JoinColumn(name = "group_id"))
    @Column(name = "subject")
    public Set<String> facilitators = new TreeSet<>();
    @Version
    public long version;

    /**
     * The group with its row locked ({@code SELECT ... FOR UPDATE}) until the transaction ends, read after the
     * lock was granted; null when there is no such group. Membership changes of one group thereby run one
     * after another. Callers on a request go through {@link GroupAccess#lock}, which adds the visibility rule.
     */
    public static SupportGroup findForUpdate(UUID id) {
        var em = getEntityManager();
        if (em.createNativeQuery("SELECT id FROM support_group WHERE id = ?1 FOR UPDATE").setParameter(1, id)
                .getResultList().isEmpty()) {
            return null;
        }
        SupportGroup group = em.find(SupportGroup.class, id);
        em.refresh(group);
        return group;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
