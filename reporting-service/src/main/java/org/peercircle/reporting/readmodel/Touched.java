package org.peercircle.reporting.readmodel;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** The people and groups a batch of events touches, and the groups and sessions whose people it touches. */
public final class Touched {

    final Set<UUID> people = new LinkedHashSet<>();
    final Set<UUID> scored = new LinkedHashSet<>();
    final Set<UUID> groups = new LinkedHashSet<>();
    final Set<UUID> membersOfGroups = new LinkedHashSet<>();
    final Set<UUID> attendeesOfSessions = new LinkedHashSet<>();

    public void person(UUID participantId) {
        if (participantId != null) {
            people.add(participantId);
        }
    }

    /** Someone whose scores changed, and nothing else: only their pairs and needs answers are recounted. */
    public void scoresOf(UUID participantId) {
        if (participantId != null) {
            scored.add(participantId);
        }
    }

    public void group(UUID groupId) {
        if (groupId != null) {
            groups.add(groupId);
        }
    }

    /** Everyone with a membership row in the group (a status change turns their seats into completed ones). */
    public void membersOf(UUID groupId) {
        if (groupId != null) {
            membersOfGroups.add(groupId);
        }
    }

    /** Everyone with an attendance mark of the session (a new record of it replaces their marks). */
    public void attendeesOf(UUID sessionId) {
        if (sessionId != null) {
            attendeesOfSessions.add(sessionId);
        }
    }

    public Set<UUID> people() {
        return people;
    }

    public Set<UUID> scored() {
        return scored;
    }

    public Set<UUID> groups() {
        return groups;
    }

    public Set<UUID> membersOfGroups() {
        return membersOfGroups;
    }

    public Set<UUID> attendeesOfSessions() {
        return attendeesOfSessions;
    }

    public boolean isEmpty() {
        return people.isEmpty() && scored.isEmpty() && groups.isEmpty() && membersOfGroups.isEmpty() && attendeesOfSessions.isEmpty();
    }
}
