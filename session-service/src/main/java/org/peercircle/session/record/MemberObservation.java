package org.peercircle.session.record;

import java.util.UUID;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** The worker's observation of one member in one session (table member_observation). */
@Embeddable
public class MemberObservation {

    public UUID participantId;
    @Enumerated(EnumType.STRING)
    public ParticipationLevel participation;
    @Enumerated(EnumType.STRING)
    public Mood mood;
    /** Free text; never leaves this service. */
    public String note;
}
