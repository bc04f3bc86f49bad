package org.peercircle.assessment.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a definition, read strictly: an unknown property is an error, because a misspelt {@code "reverse"}
 * would otherwise silently score an item the wrong way round. A definition may declare shared response scales once
 * under {@code optionSets} and refer to them from items with {@code "optionSet": "name"}; they are expanded on
 * reading, so the stored and published form always lists each item's options.
 */
public final class InstrumentJson {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private InstrumentJson() {
    }

    /** A definition that could not be read, with each problem named by its JSON path. */
    public static class UnreadableDefinitionException extends RuntimeException {
        private final transient List<Violation> violations;

        public UnreadableDefinitionException(List<Violation> violations) {
            super(violations.toString());
            this.violations = List.copyOf(violations);
        }

        public List<Violation> violations() {
            return violations;
        }
    }

    /** Reads and checks a definition ({@link InstrumentRules}); throws naming every problem found. */
    public static Instrument read(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new UnreadableDefinitionException(List.of(new Violation("request", "must be a JSON object")));
        }
        ObjectNode expanded = json.deepCopy();
        List<Violation> problems = new ArrayList<>();
        expandOptionSets(expanded, problems);
        if (!problems.isEmpty()) {
            throw new UnreadableDefinitionException(problems);
        }
        Instrument instrument;
        try {
            instrument = STRICT.treeToValue(expanded, Instrument.class);
        } catch (JsonMappingException e) {
            throw new UnreadableDefinitionException(List.of(new Violation(path(e), e.getOriginalMessage())));
        } catch (JsonProcessingException e) {
            throw new UnreadableDefinitionException(List.of(new Violation("request", e.getOriginalMessage())));
        }
        List<Violation> violations = InstrumentRules.check(instrument);
        if (!violations.isEmpty()) {
            throw new UnreadableDefinitionException(violations);
        }
        return instrument;
    }

    public static Instrument read(String json) {
        try {
            return read(STRICT.readTree(json));
        } catch (JsonProcessingException e) {
            throw new UnreadableDefinitionException(List.of(new Violation("request", e.getOriginalMessage())));
        }
    }

    /** The canonical text of a definition: what is stored, and what two definitions are compared by. */
    public static String write(Instrument instrument) {
        try {
            return STRICT.writeValueAsString(instrument);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("definition cannot be written", e);
        }
    }

    public static JsonNode tree(Instrument instrument) {
        return STRICT.valueToTree(instrument);
    }

    private static void expandOptionSets(ObjectNode root, List<Violation> problems) {
        JsonNode sets = root.remove("optionSets");
        if (sets != null && !sets.isObject()) {
            problems.add(new Violation("optionSets", "must map a name to a list of options"));
            return;
        }
        JsonNode items = root.get("items");
        if (items == null || !items.isArray()) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof ObjectNode item)) {
                continue;
            }
            JsonNode ref = item.remove("optionSet");
            if (ref == null) {
                continue;
            }
            String at = "items[" + i + "].optionSet";
            if (item.has("options")) {
                problems.add(new Violation(at, "give either options or optionSet, not both"));
            } else if (sets == null || !ref.isTextual() || !(sets.get(ref.asText()) instanceof ArrayNode set)) {
                problems.add(new Violation(at, "refers to an undeclared option set " + ref));
            } else {
                item.set("options", set.deepCopy());
            }
        }
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? "request" : path;
    }
}
