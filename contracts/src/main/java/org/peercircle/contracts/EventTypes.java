package org.peercircle.contracts;

import java.util.List;
import java.util.Optional;

import org.peercircle.contracts.participant.ParticipantRegistered;
import org.peercircle.contracts.participant.ParticipantStatusChanged;

/** The event catalogue. Each service issue adds its types here, with a schema and a test sample. */
public final class EventTypes {

    public static final EventType<ParticipantRegistered> PARTICIPANT_REGISTERED =
            new EventType<>("participant.registered.v1", Topics.PARTICIPANT_EVENTS, ParticipantRegistered.class);

    public static final EventType<ParticipantStatusChanged> PARTICIPANT_STATUS_CHANGED =
            new EventType<>("participant.status-changed.v1", Topics.PARTICIPANT_EVENTS, ParticipantStatusChanged.class);

    public static final List<EventType<?>> ALL = List.of(PARTICIPANT_REGISTERED, PARTICIPANT_STATUS_CHANGED);

    private EventTypes() {
    }

    public static Optional<EventType<?>> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
