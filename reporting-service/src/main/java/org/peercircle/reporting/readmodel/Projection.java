package org.peercircle.reporting.readmodel;

import org.peercircle.platform.inbox.IncomingEvent;

/**
 * Applies the events of one topic to the read model tables. Runs inside the consumer's transaction, after the
 * inbox has recorded the event id; a rebuild runs the same code against fresh tables.
 *
 * <p>Each topic is ordered per key only, and the three topics not at all with respect to each other, so an
 * update must give the same tables whatever the order across keys and topics: later facts of the same aggregate
 * replace earlier ones, and anything that combines topics (consent, erasure, group membership) is joined when
 * read, not when written.
 */
public interface Projection {

    String topic();

    void apply(IncomingEvent event);
}
