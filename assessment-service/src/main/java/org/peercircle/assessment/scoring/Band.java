package org.peercircle.assessment.scoring;

import java.math.BigDecimal;
import java.util.Map;

/** A labelled range of the total score, both ends inclusive (e.g. GDS-15 MILD 5–8). */
public record Band(String code, Map<String, String> label, BigDecimal min, BigDecimal max) {

    public boolean contains(BigDecimal score) {
        return min.compareTo(score) <= 0 && score.compareTo(max) <= 0;
    }
}
