package org.peercircle.participant.audit;

/** What a caller did with a participant's personal data (each answer that carried it counts as a read). */
public enum AuditOperation {
    REGISTER, VIEW, LIST, UPDATE, STATUS_CHANGE, STATUS_HISTORY, SCREENING_DECISION, SCREENING_VIEW,
    CONSENT_CHANGE, CONSENT_VIEW, NETWORK_RECORD, NETWORK_VIEW, NETWORK_COMPARE, PEER_MATCH, ERASE
}
