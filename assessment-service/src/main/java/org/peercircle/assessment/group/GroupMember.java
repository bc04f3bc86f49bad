package org.peercircle.assessment.group;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A participant's seat in a group, as session-service announced it (enrolled, or withdrawn since). */
@Entity
@Table(name = "group_member")
@IdClass(GroupMember.Key.class)
public class GroupMember extends PanacheEntityBase {

    public static class Key implements Serializable {
        public UUID groupId;
        public UUID participantId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(groupId, k.groupId)
                    && Objects.equals(participantId, k.participantId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(groupId, participantId);
        }
    }

    @Id
    public UUID groupId;
    @Id
    public UUID participantId;
    public UUID centreId;
    public boolean enrolled;
    public OffsetDateTime changedAt;
}
