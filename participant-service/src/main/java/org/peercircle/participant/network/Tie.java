package org.peercircle.participant.network;

import java.util.Set;

/**
 * One tie of a support network in social-support terms: who (a name or description that stays in this
 * service), what kind of tie, formal (community, social workers, organisations) or informal (family, peers,
 * neighbours), the kinds of support it gives, how often they are in contact and how close it is (1–5).
 */
public record Tie(String name, TieType type, boolean formal, Set<SupportKind> support, ContactFrequency frequency,
        int closeness) {

    public enum TieType { FAMILY, PEER, NEIGHBOUR, COMMUNITY_WORKER, ORGANISATION }

    public enum SupportKind { EXPRESSIVE, INSTRUMENTAL, INFORMATIONAL }

    public enum ContactFrequency { DAILY, WEEKLY, MONTHLY, LESS_THAN_MONTHLY }

    public Tie {
        support = Set.copyOf(support);
    }

    /** Community workers and organisations are formal support unless the worker says otherwise. */
    public static boolean formalByDefault(TieType type) {
        return type == TieType.COMMUNITY_WORKER || type == TieType.ORGANISATION;
    }
}
