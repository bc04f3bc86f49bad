package org.peercircle.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a service's OpenAPI document must hold for community-centre front ends to be generated from it, in one
 * place for the four services: every operation has a unique operationId, a summary and a tag, documents its
 * success with a schema (204 aside), every query parameter and every request field (or the body as a whole) carries
 * an example, and schema
 * names are specific enough not to collide in a generated client.
 */
public final class OpenApiRules {

    /** Names that several services would use for different things: a generated client keeps one type per name. */
    static final Set<String> GENERIC_NAMES = Set.of("Result", "Reason", "Condition", "Method", "Outcome", "Status",
            "Category", "Run", "Membership", "Needs", "Interval", "Page", "Entry", "Item", "View", "Request");

    private final JsonNode doc;

    public OpenApiRules(JsonNode doc) {
        this.doc = doc;
    }

    /** Every broken rule as "METHOD /path: what is missing"; empty when the document is complete. */
    public List<String> violations() {
        List<String> missing = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Map.Entry<String, JsonNode> op : operations()) {
            JsonNode o = op.getValue();
            String where = op.getKey();
            if (!o.hasNonNull("operationId") || !ids.add(o.get("operationId").asText())) {
                missing.add(where + ": operationId missing or repeated");
            }
            if (o.path("summary").asText().isBlank()) {
                missing.add(where + ": summary");
            }
            if (o.path("tags").isEmpty()) {
                missing.add(where + ": tag");
            }
            successes(o, where, missing);
            for (JsonNode parameter : o.path("parameters")) {
                if ("query".equals(parameter.path("in").asText()) && !parameter.has("example")
                        && !parameter.has("examples") && !parameter.path("schema").has("examples")) {
                    missing.add(where + " ?" + parameter.path("name").asText() + ": example");
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> media = o.path("requestBody").path("content").fields(); media.hasNext();) {
                Map.Entry<String, JsonNode> content = media.next();
                // a whole worked example of the body (a questionnaire definition, say) serves better than one per field
                if (!content.getValue().has("examples") && !content.getValue().has("example")) {
                    examples(content.getValue().path("schema"), where + " " + content.getKey(), missing, new HashSet<>());
                }
            }
        }
        doc.path("components").path("schemas").fieldNames().forEachRemaining(name -> {
            if (GENERIC_NAMES.contains(name) || name.matches(".*\\d$")) {
                missing.add("schema " + name + ": name too generic for a generated client");
            }
        });
        return missing;
    }

    /** The operationIds in document order. */
    public List<String> operationIds() {
        return operations().stream().map(op -> op.getValue().path("operationId").asText()).toList();
    }

    private List<Map.Entry<String, JsonNode>> operations() {
        List<Map.Entry<String, JsonNode>> result = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (op.getValue().has("responses")) {
                    result.add(Map.entry(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue()));
                }
            }
        }
        return result;
    }

    private static void successes(JsonNode operation, String where, List<String> missing) {
        List<String> codes = new ArrayList<>();
        operation.path("responses").fieldNames().forEachRemaining(code -> {
            if (code.startsWith("2")) {
                codes.add(code);
            }
        });
        if (codes.isEmpty()) {
            missing.add(where + ": no 2xx response");
        }
        for (String code : codes) {
            if (!code.equals("204") && !operation.path("responses").path(code).path("content").elements().hasNext()) {
                missing.add(where + ": " + code + " without a schema");
            }
        }
    }

    /** Follows $refs into object schemas and array items; every leaf property needs an example. */
    private void examples(JsonNode schema, String where, List<String> missing, Set<String> seen) {
        if (schema.has("$ref") && !seen.add(schema.get("$ref").asText())) {
            return;
        }
        JsonNode target = schema.has("$ref") ? component(schema.get("$ref").asText()) : schema;
        if (target.has("items")) {
            examples(target.get("items"), where + "[]", missing, seen);
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> props = target.path("properties").fields(); props.hasNext();) {
            Map.Entry<String, JsonNode> prop = props.next();
            JsonNode value = prop.getValue();
            boolean hasExample = value.has("examples") || value.has("example");
            JsonNode referenced = value.has("$ref") ? component(value.get("$ref").asText())
                    : value.path("items").has("$ref") ? component(value.get("items").get("$ref").asText()) : null;
            if (referenced != null && referenced.has("properties") && !hasExample) {
                examples(value, where + "." + prop.getKey(), missing, seen);
            } else if (!hasExample) {
                missing.add(where + "." + prop.getKey() + ": example");
            }
        }
    }

    private JsonNode component(String ref) {
        return doc.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
    }
}
