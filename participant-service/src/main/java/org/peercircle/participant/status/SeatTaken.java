package org.peercircle.participant.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.peercircle.contracts.CloudEventHeaders;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.session.MemberEnrolled;
import org.peercircle.participant.participant.Participant;
import org.peercircle.participant.participant.Participant.Status;
import org.peercircle.platform.consumer.InboxBatches;
import org.peercircle.platform.inbox.IncomingEvent;

import io.smallrye.common.annotation.Blocking;

/**
 * An ELIGIBLE person who takes a seat in a group (session-service's {@code member.enrolled.v1}, from the wait-list
 * too) becomes ENROLLED here, so nobody has to set it by hand. Completing or withdrawing from the programme stays a
 * social worker's decision: leaving one group does not end a person's time with the centre.
 */
@ApplicationScoped
public class SeatTaken {

    private static final Logger LOG = Logger.getLogger(SeatTaken.class);
    static final String CHANGED_BY = "session-service";

    @Inject
    InboxBatches batches;

    @Inject
    Lifecycle lifecycle;

    /**
     * A polled batch in one transaction. Only member.enrolled.v1 can change anything here: the other session events
     * are passed over without an inbox row. (A record without a type is malformed: the inbox logs and counts it.)
     */
    @Incoming("session-events")
    @Blocking
    void consume(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> seats = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
            if (type == null || EventTypes.MEMBER_ENROLLED.name().equals(new String(type.value(), StandardCharsets.UTF_8))) {
                seats.add(record);
            }
        }
        batches.consume(seats, this::onSessionEvent);
    }

    void onSessionEvent(IncomingEvent event) {
        if (!event.is(EventTypes.MEMBER_ENROLLED)) {
            return;
        }
        MemberEnrolled enrolled = event.payload(EventTypes.MEMBER_ENROLLED);
        if (enrolled.participantId() == null || enrolled.groupId() == null) {
            throw new IncomingEvent.MalformedEventException(event.type() + " " + event.id() + " lacks participantId or groupId");
        }
        // the row lock makes a worker's edit at the same moment wait rather than fail this event
        Participant p = Participant.findById(enrolled.participantId(), LockModeType.PESSIMISTIC_WRITE);
        if (p == null || p.erased()) {
            return;
        }
        if (p.status == Status.ELIGIBLE) {
            lifecycle.change(p, Status.ENROLLED, null,
                    "加入小组 " + enrolled.groupId() + " / took a seat in group " + enrolled.groupId(), CHANGED_BY);
        } else if (p.status != Status.ENROLLED) {
            // session-service only seats people it knows as ELIGIBLE or ENROLLED; a status changed since is kept
            LOG.infof("member.enrolled %s: participant %s is %s here; status kept", event.id(), p.id, p.status);
        }
    }
}
