package org.peercircle.reporting.readmodel;

import java.util.List;

import org.peercircle.platform.inbox.IncomingEvent;

/**
 * Applies the events of one topic to the read model tables. Runs inside the consumer's transaction, after the
 * inbox has recorded the event ids (unless the projection is {@link #idempotent()}); a rebuild runs the same code
 * against fresh tables.
 *
 * <p>Each topic is ordered per key only, and the three topics not at all with respect to each other, so an
 * update must give the same tables whatever the order across keys and topics: later facts of the same aggregate
 * replace earlier ones. Row tables combine topics (consent, erasure, group membership) when read; the dashboard
 * tallies combine them when written, under a lock on each person and group a batch touches (see
 * {@link EventBatches}), which makes the order of transactions irrelevant for them too.
 */
public interface Projection {

    String topic();

    /**
     * Parses an event's payload: null for an event this projection ignores, a
     * {@link IncomingEvent.MalformedEventException} for one that breaks its contract (it is then skipped).
     */
    Object decode(IncomingEvent event);

    /** Names the people and groups whose dashboard figures the event may change. */
    void touches(Object payload, Touched touched);

    /** Applies decoded payloads, in the order they arrived. */
    void apply(List<Object> payloads);

    /**
     * Whether applying an event again leaves the tables as they are, by the projection's own keys (a revision kept
     * in the row, say): its events then need no inbox row, which a replay would write for every one of them. The
     * dashboard tallies need none either: they add the difference a batch made, which is nothing for a repeat.
     */
    default boolean idempotent() {
        return false;
    }
}
