package org.peercircle.assessment.scoring;

import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A response option: the numeric {@code value} a form submits and, when the key is not the value itself, the
 * {@code score} it is worth (the De Jong Gierveld items score yes / more-or-less / no as 1 or 0 this way).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnswerOption(BigDecimal value, BigDecimal score, Map<String, String> label) {

    public AnswerOption {
        label = label == null ? Map.of() : label;
    }

    /** Points before reverse keying. */
    @JsonIgnore
    public BigDecimal points() {
        return score != null ? score : value;
    }
}
