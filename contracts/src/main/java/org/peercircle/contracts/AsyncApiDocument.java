package org.peercircle.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The event catalogue as an AsyncAPI 3.0 document, generated from {@link EventTypes} and the JSON Schemas so
 * that it cannot drift from the contracts. {@code docs/asyncapi.json} is this output; a test fails when the
 * committed file is stale. Regenerate with {@code java -cp contracts/target/classes:... AsyncApiDocument docs/asyncapi.json}
 * or by running the contracts tests with {@code -Dasyncapi.write=true}.
 */
public final class AsyncApiDocument {

    private static final String CE_HEADERS = "CloudEvents binary mode: ce_specversion, ce_id (what consumers de-duplicate on), "
            + "ce_source, ce_type, ce_time, ce_subject (= the record key), content-type, and traceparent.";

    private AsyncApiDocument() {
    }

    public static String render() {
        ObjectNode doc = EventJson.MAPPER.createObjectNode();
        doc.put("asyncapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "PeerCircle events");
        info.put("version", "1.0.0");
        info.put("description", "Events between the PeerCircle services. One topic per owning service, keyed by the "
                + "aggregate id; payloads carry pseudonymous ids and cohort attributes only. " + CE_HEADERS);
        doc.put("defaultContentType", CloudEventHeaders.JSON);
        ObjectNode servers = doc.putObject("servers");
        ObjectNode local = servers.putObject("local");
        local.put("host", "localhost:9092");
        local.put("protocol", "kafka");
        local.put("description", "deploy/local/up.sh");

        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode messages = doc.putObject("components").putObject("messages");
        for (String topic : Topics.ALL) {
            ObjectNode channel = channels.putObject(topic);
            channel.put("address", topic);
            channel.put("description", "Published by " + owner(topic) + "; key: " + key(topic) + ".");
            ObjectNode channelMessages = channel.putObject("messages");
            ArrayNode opMessages = EventJson.MAPPER.createArrayNode();
            for (EventType<?> type : EventTypes.ALL) {
                if (!type.topic().equals(topic)) {
                    continue;
                }
                String id = type.name().replace('.', '_').replace('-', '_');
                channelMessages.putObject(id).put("$ref", "#/components/messages/" + id);
                opMessages.addObject().put("$ref", "#/channels/" + topic + "/messages/" + id);
                ObjectNode message = messages.putObject(id);
                message.put("name", type.name());
                message.put("title", type.name());
                JsonNode schema = schema(type);
                message.put("summary", schema.path("description").asText());
                message.put("contentType", CloudEventHeaders.JSON);
                ObjectNode payload = message.putObject("payload");
                payload.put("schemaFormat", "application/schema+json;version=draft-2020-12");
                payload.set("schema", schema);
                message.putObject("bindings").putObject("kafka").putObject("key")
                        .put("type", "string").put("format", "uuid").put("description", key(topic));
            }
            ObjectNode op = operations.putObject("publish_" + topic.replace('-', '_'));
            op.put("action", "send");
            op.putObject("channel").put("$ref", "#/channels/" + topic);
            op.put("summary", owner(topic) + " publishes through its transactional outbox");
            op.set("messages", opMessages);
        }
        try {
            return EventJson.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode schema(EventType<?> type) {
        try (InputStream in = AsyncApiDocument.class.getResourceAsStream(type.schemaResource())) {
            return EventJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String owner(String topic) {
        return topic.replace("-events", "-service");
    }

    private static String key(String topic) {
        return topic.equals(Topics.SESSION_EVENTS) ? "group id" : "participant id";
    }

    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args.length > 0 ? args[0] : "docs/asyncapi.json"), render());
    }
}
