package org.peercircle.assessment.scoring;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The scores of one set of answers. {@code total} is null for instruments without a total; a subscale whose
 * missing-item rule was not met is absent from {@code subscales}. {@code prorated} is true when any reported scale
 * was pro-rated. {@code itemValues} are the answered values (a multiple-choice item as one 0/1 value per option,
 * keyed {@code item.option}), numbers only.
 */
public record ScoreResult(
        BigDecimal total,
        Map<String, BigDecimal> subscales,
        Band band,
        boolean prorated,
        Map<String, BigDecimal> itemValues) {

    public ScoreResult {
        subscales = Map.copyOf(subscales);
        itemValues = Map.copyOf(itemValues);
    }

    public String bandCode() {
        return band == null ? null : band.code();
    }
}
