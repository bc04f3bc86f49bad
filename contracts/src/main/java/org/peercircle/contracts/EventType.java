package org.peercircle.contracts;

/**
 * A versioned event type: its CloudEvents {@code type} name, the topic it is published on, the payload record
 * and the JSON Schema that describes the payload ({@code schemas/<name>.json} on the classpath).
 */
public record EventType<T>(String name, String topic, Class<T> payloadType) {

    public String schemaResource() {
        return "/org/peercircle/contracts/schemas/" + name + ".json";
    }
}
