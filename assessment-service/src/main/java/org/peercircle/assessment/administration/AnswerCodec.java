package org.peercircle.assessment.administration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.peercircle.assessment.scoring.Answer;
import org.peercircle.assessment.scoring.InvalidAnswersException;
import org.peercircle.assessment.scoring.Violation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Answers between their JSON form ({@code {"1": 2, "6": [1, 3]}}) and the scorer's {@link Answer}s. */
final class AnswerCodec {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private AnswerCodec() {
    }

    /** A JSON null means "not answered"; anything but a number or a list of numbers is refused. */
    static Map<String, Answer> parse(Map<String, JsonNode> answers) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Answer> parsed = new LinkedHashMap<>();
        answers.forEach((id, node) -> {
            if (node == null || node.isNull()) {
                return;
            }
            if (node.isNumber()) {
                parsed.put(id, new Answer.Single(node.decimalValue()));
            } else if (node.isArray()) {
                List<BigDecimal> values = new ArrayList<>();
                for (JsonNode element : node) {
                    if (!element.isNumber()) {
                        violations.add(new Violation("answers." + id, "must list option values (numbers)"));
                        return;
                    }
                    values.add(element.decimalValue());
                }
                parsed.put(id, new Answer.Multiple(values));
            } else {
                violations.add(new Violation("answers." + id,
                        "must be an option value, or a list of option values for a multiple-choice item"));
            }
        });
        if (!violations.isEmpty()) {
            throw new InvalidAnswersException(violations);
        }
        return parsed;
    }

    /** Item id → number or list of numbers, sorted by item id: what is stored, shown and hashed. */
    static Map<String, Object> plain(Map<String, Answer> answers) {
        Map<String, Object> plain = new TreeMap<>();
        answers.forEach((id, answer) -> plain.put(id, answer instanceof Answer.Multiple m
                ? m.values().stream().map(AnswerCodec::normal).toList()
                : normal(((Answer.Single) answer).value())));
        return plain;
    }

    /** 2.0 and 2 are the same answer; 10 stays 10 (not 1E+1). */
    static BigDecimal normal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static String write(Map<String, Answer> answers) {
        return write(plain(answers));
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Answer> read(String stored) {
        try {
            Map<String, JsonNode> nodes = new LinkedHashMap<>();
            JSON.readTree(stored).fields().forEachRemaining(e -> nodes.put(e.getKey(), e.getValue()));
            return parse(nodes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answers are not readable", e);
        }
    }

    static Map<String, BigDecimal> readScores(String stored) {
        try {
            Map<String, BigDecimal> scores = new LinkedHashMap<>();
            JSON.readTree(stored).fields().forEachRemaining(e -> scores.put(e.getKey(), e.getValue().decimalValue()));
            return scores;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored scores are not readable", e);
        }
    }
}
