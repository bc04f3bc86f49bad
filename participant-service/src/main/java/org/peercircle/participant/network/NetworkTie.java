package org.peercircle.participant.network;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.peercircle.participant.network.Tie.ContactFrequency;
import org.peercircle.participant.network.Tie.SupportKind;
import org.peercircle.participant.network.Tie.TieType;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One tie of a snapshot; name and note are personal data and are erased with the participant. */
@Entity
public class NetworkTie extends PanacheEntityBase {

    @Id
    public UUID id;
    @ManyToOne(optional = false)
    public NetworkSnapshot snapshot;
    public int position;
    public String name;
    @Enumerated(EnumType.STRING)
    public TieType tieType;
    public boolean formal;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> supportKinds = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    public ContactFrequency contactFrequency;
    public int closeness;
    public String note;

    Tie toTie() {
        Set<SupportKind> kinds = EnumSet.noneOf(SupportKind.class);
        supportKinds.forEach(k -> kinds.add(SupportKind.valueOf(k)));
        return new Tie(name, tieType, formal, kinds, contactFrequency, closeness);
    }
}
