package org.peercircle.participant.status;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.participant.ParticipantStatusChanged;
import org.peercircle.contracts.participant.WithdrawalReason;
import org.peercircle.participant.participant.Participant;
import org.peercircle.participant.participant.Participant.Status;
import org.peercircle.platform.outbox.Outbox;
import org.peercircle.platform.problem.ProblemException;

/**
 * The one place where a participant's status changes: checks the step against {@link StatusTransitions},
 * keeps the history row and publishes {@code participant.status-changed.v1}, all in the caller's
 * transaction.
 */
@ApplicationScoped
public class Lifecycle {

    @Inject
    Outbox outbox;

    @Transactional(TxType.MANDATORY)
    public void change(Participant p, Status to, WithdrawalReason reason, String note, String changedBy) {
        if (!StatusTransitions.isAllowed(p.status, to)) {
            throw illegal(p.status, to);
        }
        if (to == Status.WITHDRAWN && reason == null) {
            throw ProblemException.invalid("reason", "is required when withdrawing a participant");
        }
        Status from = p.status;
        p.status = to;
        WithdrawalReason published = to == Status.WITHDRAWN ? reason : null;

        StatusChange change = new StatusChange();
        change.participantId = p.id;
        change.fromStatus = from;
        change.toStatus = to;
        change.reason = published;
        change.note = note;
        change.changedBy = changedBy;
        change.changedAt = OffsetDateTime.now();
        change.persist();

        outbox.publish(EventTypes.PARTICIPANT_STATUS_CHANGED, p.id,
                new ParticipantStatusChanged(p.id, p.centreId, from.name(), to.name(), published));
    }

    /**
     * Moves {@code p} to {@code target} along the shortest legal path, one published step at a time; nothing
     * happens when it is already there.
     *
     * @return the steps taken
     */
    @Transactional(TxType.MANDATORY)
    public List<Status> advance(Participant p, Status target, String note, String changedBy) {
        List<Status> steps = StatusTransitions.path(p.status, target).orElseThrow(() -> illegal(p.status, target));
        for (Status step : steps) {
            change(p, step, null, note, changedBy);
        }
        return steps;
    }

    private static ProblemException illegal(Status from, Status to) {
        return ProblemException.conflict("A participant who is " + from + " cannot become " + to)
                .with("currentStatus", from)
                .with("allowedTransitions", StatusTransitions.allowedFrom(from));
    }
}
