package org.peercircle.session.group;

public enum GroupKind {
    SUPPORT_GROUP, MUTUAL_AID_GROUP, INTEREST_GROUP
}
