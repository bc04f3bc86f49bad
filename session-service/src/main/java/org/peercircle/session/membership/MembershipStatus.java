package org.peercircle.session.membership;

public enum MembershipStatus {
    ENROLLED, WAIT_LISTED, WITHDRAWN
}
