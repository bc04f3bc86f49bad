package org.peercircle.assessment.scoring;

import java.math.BigDecimal;
import java.util.List;

/** What a form holds for one item: one option value, or the chosen option values of a multiple-choice item. */
public sealed interface Answer {

    record Single(BigDecimal value) implements Answer {
    }

    record Multiple(List<BigDecimal> values) implements Answer {
        public Multiple {
            values = List.copyOf(values);
        }
    }

    static Answer of(int value) {
        return new Single(BigDecimal.valueOf(value));
    }

    static Answer choices(int... values) {
        return new Multiple(java.util.Arrays.stream(values).mapToObj(BigDecimal::valueOf).toList());
    }
}
