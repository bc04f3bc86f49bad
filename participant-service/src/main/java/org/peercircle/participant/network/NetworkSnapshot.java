package org.peercircle.participant.network;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A participant's support network as recorded on one day; never changed afterwards (erasure aside). */
@Entity
public class NetworkSnapshot extends PanacheEntityBase {

    @Schema(name = "NetworkOccasion")
    public enum Occasion { BASELINE, MID_GROUP, END_OF_GROUP, FOLLOW_UP, OTHER }

    @Id
    public UUID id;
    public UUID participantId;
    public UUID centreId;
    public LocalDate recordedOn;
    @Enumerated(EnumType.STRING)
    public Occasion occasion;
    public String note;
    public String recordedBy;
    public OffsetDateTime recordedAt;
    @OneToMany(mappedBy = "snapshot", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<NetworkTie> ties = new ArrayList<>();

    public List<Tie> tiesAsDomain() {
        return ties.stream().map(NetworkTie::toTie).toList();
    }
}
