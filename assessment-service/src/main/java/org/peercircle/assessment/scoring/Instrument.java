package org.peercircle.assessment.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An instrument definition: structure (items, options, groups) and the complete scoring key, as data. A version is
 * immutable once an administration used it; a change is a new version. Localised texts are maps from locale to text
 * (zh-CN first, en second).
 *
 * @param reliability the reliability coefficient reporting uses for the Jacobson–Truax reliable change index
 * @param norms normative mean and SD of the total (the SD feeds the RCI); {@code clinical} the same for a clinical
 *        population
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "code", "version", "name", "source", "licence", "groups", "items", "scoring", "higherIsWorse",
        "reliability", "norms", "clinical", "bands" })
public record Instrument(
        String code,
        int version,
        Map<String, String> name,
        String source,
        String licence,
        List<ItemGroup> groups,
        List<Item> items,
        Scoring scoring,
        Boolean higherIsWorse,
        BigDecimal reliability,
        Norms norms,
        Norms clinical,
        List<Band> bands) {

    public Instrument {
        groups = groups == null ? List.of() : List.copyOf(groups);
        items = items == null ? List.of() : List.copyOf(items);
        bands = bands == null ? List.of() : List.copyOf(bands);
    }

    /** Direction of the scores; instruments without scores (a needs questionnaire) have none. */
    public boolean worseWhenHigher() {
        return Boolean.TRUE.equals(higherIsWorse);
    }

    public Optional<Item> item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** The band a total falls in, if any. */
    public Optional<Band> bandOf(BigDecimal total) {
        if (total == null) {
            return Optional.empty();
        }
        return bands.stream().filter(b -> b.contains(total)).findFirst();
    }

    public Optional<Band> band(String code) {
        return bands.stream().filter(b -> b.code().equals(code)).findFirst();
    }

    /** True when at least one item carries its own wording (otherwise a coordinator loads it per locale). */
    @JsonIgnore
    public boolean shipsItemText() {
        return items.stream().anyMatch(i -> !i.text().isEmpty());
    }

    /** A group of items shown together, such as the five family members of SSRS item 5. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ItemGroup(String id, Map<String, String> text) {
        public ItemGroup {
            text = text == null ? Map.of() : text;
        }
    }

    /** Normative or clinical reference values of the total score. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Norms(BigDecimal mean, BigDecimal sd, String population) {
    }
}
