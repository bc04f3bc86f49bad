package org.peercircle.assessment.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One question. A single-choice item is answered with one option value; a {@code multiple} item with the list of
 * chosen option values (possibly empty: "none of these"), and it scores the sum of the chosen options' points, which
 * is how SSRS items 6 and 7 count the sources named.
 *
 * @param reverse the item is keyed in reverse: its points become lowest + highest − points (see {@link Scoring})
 * @param subscale code of the subscale the item belongs to, or null
 * @param scored false for items that only collect information (needs questionnaire); they count in no scale
 * @param required the item must be answered whatever the missing-item rule allows
 * @param group id of the {@link Instrument.ItemGroup} the item is shown in, or null
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
@JsonPropertyOrder({ "id", "text", "options", "reverse", "subscale", "multiple", "scored", "required", "group" })
@Schema(name = "InstrumentItem") // the OpenAPI name: "Item" alone collides in generated clients
public record Item(
        String id,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> text,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<AnswerOption> options,
        boolean reverse,
        String subscale,
        boolean multiple,
        @JsonInclude(JsonInclude.Include.ALWAYS) Boolean scored,
        boolean required,
        String group) {

    public Item {
        text = text == null ? Map.of() : text;
        options = options == null ? List.of() : List.copyOf(options);
        scored = scored == null ? Boolean.TRUE : scored;
    }

    /** Whether the item counts in the total (unscored items only collect information). */
    public boolean countsInScores() {
        return scored;
    }

    public Optional<AnswerOption> option(BigDecimal value) {
        return options.stream().filter(o -> o.value().compareTo(value) == 0).findFirst();
    }

    /** Lowest points the item can contribute. */
    @JsonIgnore
    public BigDecimal lowest() {
        if (multiple) {
            return options.stream().map(AnswerOption::points).filter(p -> p.signum() < 0)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        return options.stream().map(AnswerOption::points).min(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    }

    /** Highest points the item can contribute. */
    @JsonIgnore
    public BigDecimal highest() {
        if (multiple) {
            return options.stream().map(AnswerOption::points).filter(p -> p.signum() > 0)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        return options.stream().map(AnswerOption::points).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    }

    /** The points an option is worth on this item, reverse keying applied (the FHIR ordinalValue). */
    public BigDecimal keyedPoints(AnswerOption option) {
        return reverse ? lowest().add(highest()).subtract(option.points()) : option.points();
    }
}
