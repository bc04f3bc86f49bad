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
 * How an instrument is scored: its total (null when it has none, as for the needs questionnaire) and subscales.
 * Reverse items are keyed by {@code MIRROR}: points become the item's lowest + highest points − points.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "reverseKeying", "total", "subscales" })
public record Scoring(String reverseKeying, Scale total, List<Scale> subscales) {

    public static final String MIRROR = "MIRROR";

    public Scoring {
        reverseKeying = reverseKeying == null ? MIRROR : reverseKeying;
        subscales = subscales == null ? List.of() : List.copyOf(subscales);
    }

    public Optional<Scale> subscale(String code) {
        return subscales.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    @Schema(name = "ScoringMethod")
    public enum Method {
        SUM, MEAN
    }

    /**
     * What to do when items of a scale are unanswered.
     * <ul>
     * <li>{@code REQUIRE_ALL}: every item must be answered.</li>
     * <li>{@code PRORATE}: at least {@code minAnswered}; a SUM is then scaled to all items (sum × items / answered),
     * a MEAN is the mean of the answered items.</li>
     * <li>{@code SCORE_ANSWERED}: at least {@code minAnswered}; unanswered items count nothing (the De Jong Gierveld
     * manual's rule: a missing item is simply not counted).</li>
     * </ul>
     * Fewer answers than allowed: the total is not scored and the administration is refused; a subscale is left
     * out.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MissingRule(Kind rule, Integer minAnswered) {

        public enum Kind {
            REQUIRE_ALL, PRORATE, SCORE_ANSWERED
        }

        public static MissingRule requireAll() {
            return new MissingRule(Kind.REQUIRE_ALL, null);
        }

        /** The fewest answered items a scale of {@code items} items accepts. */
        public int minimum(int items) {
            return rule == Kind.REQUIRE_ALL || minAnswered == null ? items : minAnswered;
        }
    }

    /** Declared score range, both ends inclusive. */
    public record Range(BigDecimal min, BigDecimal max) {
        public boolean contains(BigDecimal score) {
            return min.compareTo(score) <= 0 && score.compareTo(max) <= 0;
        }
    }

    /**
     * The total or one subscale. {@code decimals}: reported precision (default 0 for SUM, 2 for MEAN), half-up, so
     * a pro-rated GDS-15 of 7.5 reports 8.
     *
     * <p>{@code reliability} and {@code norms} belong to subscales only (the total's are the instrument's own): a
     * subscale that declares a reliability gets a reliable change index per member in reporting, judged against its
     * normative SD when it declares one, else against the group's pre-test SD.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "code", "name", "method", "range", "missing", "decimals", "reliability", "norms" })
    public record Scale(String code, Map<String, String> name, Method method, Range range, MissingRule missing,
            Integer decimals, BigDecimal reliability, Instrument.Norms norms) {

        public Scale {
            name = name == null ? Map.of() : name;
            missing = missing == null ? MissingRule.requireAll() : missing;
        }

        @JsonIgnore
        public int precision() {
            return decimals != null ? decimals : method == Method.MEAN ? 2 : 0;
        }

        public static final String TOTAL = "total";
    }
}
