package org.peercircle.session.programme;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.peercircle.session.group.GroupKind;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An ordered programme of themed sessions a group can be created from; read and written whole. */
@Entity
public class ProgrammeTemplate extends PanacheEntityBase {

    @Id
    public String code;
    public String nameZh;
    public String nameEn;
    public String descriptionZh;
    public String descriptionEn;
    @Enumerated(EnumType.STRING)
    public GroupKind groupKind;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<SessionPlan> sessions;
    public boolean builtIn;
    public OffsetDateTime createdAt;
}
