package org.peercircle.contracts;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: the attributes travel as {@code ce_*} record
 * headers and the record value is the JSON payload alone. SmallRye's Kafka connector reads them as
 * CloudEvent metadata.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    /** W3C trace context of the request that caused the event, so a trace spans the bus. */
    public static final String TRACEPARENT = "traceparent";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }
}
