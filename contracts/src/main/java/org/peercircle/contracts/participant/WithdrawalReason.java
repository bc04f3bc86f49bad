package org.peercircle.contracts.participant;

/** Why someone left: a code that reporting may count (the free-text note stays in participant-service). */
public enum WithdrawalReason {
    HEALTH, MOVED_AWAY, CARING_DUTIES, TRANSPORT, LOST_INTEREST, SCHEDULE_CONFLICT, DECEASED, OTHER,
    /** Set by the system when participant-service erased the person. */
    ERASED
}
