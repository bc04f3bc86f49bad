package org.peercircle.assessment.administration;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.peercircle.platform.participants.ParticipantDirectory;
import org.peercircle.platform.participants.ParticipantDirectory.Entry;
import org.peercircle.platform.problem.Problem;
import org.peercircle.platform.problem.ProblemException;
import org.peercircle.platform.security.Caller;

/**
 * Who may be assessed: a participant known from participant-events, in one of the caller's centres (404 otherwise,
 * so other centres' people stay invisible), and not erased (410: their data is gone for good).
 */
@ApplicationScoped
public class ParticipantAccess {

    @Inject
    ParticipantDirectory directory;

    @Inject
    Caller caller;

    public Entry require(UUID participantId) {
        Entry entry = directory.find(participantId)
                .orElseThrow(() -> ProblemException.notFound("participant", participantId));
        caller.requireCentre(entry.centreId(), "participant", participantId);
        if (entry.erased()) {
            throw new ProblemException(new Problem("gone", "Gone", 410,
                    "participant " + participantId + " was erased; nothing can be recorded or read for them", null));
        }
        return entry;
    }
}
