package org.peercircle.platform.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An RFC 9457 problem detail, served as {@code application/problem+json}. {@code violations} names each
 * offending field; extension members (such as the id of an existing duplicate) sit beside the standard ones.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "type", "title", "status", "detail", "instance", "violations" })
public class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:peercircle:problem:";

    private final String type;
    private final String title;
    private final int status;
    private final String detail;
    private String instance;
    private final List<Violation> violations;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public Problem(String kind, String title, int status, String detail, List<Violation> violations) {
        this.type = TYPE_PREFIX + kind;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
    }

    /** One offending field: its JSON path in the request (or the parameter name) and why it was refused. */
    public record Violation(String field, String message) {
    }

    public Problem with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public Problem at(String instance) {
        this.instance = instance;
        return this;
    }

    public String getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public int getStatus() {
        return status;
    }

    public String getDetail() {
        return detail;
    }

    public String getInstance() {
        return instance;
    }

    public List<Violation> getViolations() {
        return violations;
    }

    @JsonAnyGetter
    public Map<String, Object> getExtensions() {
        return extensions;
    }
}
