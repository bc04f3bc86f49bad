package org.peercircle.platform.inbox;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.peercircle.contracts.EventJson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

/**
 * Reads event payloads into their contract records as {@link EventJson#MAPPER} does, with the same results, in less
 * time: one {@link ObjectReader} per payload type, doubles read by Jackson's fast (and equally exact) parser, and
 * date-times in the form the producers write read by {@link OffsetDateTimeText} (any other form as before).
 */
final class PayloadReader {

    private static final ObjectMapper MAPPER = EventJson.MAPPER.copy()
            .registerModule(new SimpleModule().addDeserializer(OffsetDateTime.class, new QuickOffsetDateTime()));

    private static final Map<Class<?>, ObjectReader> READERS = new ConcurrentHashMap<>();

    private PayloadReader() {
    }

    static <T> T read(String json, Class<T> type) throws JsonProcessingException {
        return READERS.computeIfAbsent(type, t -> MAPPER.readerFor(t).with(StreamReadFeature.USE_FAST_DOUBLE_PARSER))
                .readValue(json);
    }

    /** The text form {@link OffsetDateTimeText} knows, quickly; anything else through Jackson's own deserializer. */
    private static final class QuickOffsetDateTime extends StdDeserializer<OffsetDateTime> {

        QuickOffsetDateTime() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)
                    && !ctxt.isEnabled(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)) {
                OffsetDateTime quick = OffsetDateTimeText.quick(p.getText());
                if (quick != null) {
                    return quick;
                }
            }
            return InstantDeserializer.OFFSET_DATE_TIME.deserialize(p, ctxt);
        }
    }
}
