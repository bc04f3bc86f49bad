package org.peercircle.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.AbstractThrowableAssert;
import org.peercircle.assessment.instrument.BuiltInInstruments;

/** Hand-filled answer sheets and the bundled instruments, for the scoring tests. */
final class Sheets {

    private static final Map<String, Instrument> BUILT_IN = new LinkedHashMap<>();

    private Sheets() {
    }

    static synchronized Instrument builtIn(String code) {
        if (BUILT_IN.isEmpty()) {
            BuiltInInstruments.bundled().forEach(i -> BUILT_IN.put(i.code(), i));
        }
        Instrument instrument = BUILT_IN.get(code);
        if (instrument == null) {
            throw new IllegalArgumentException("no built-in " + code);
        }
        return instrument;
    }

    static List<Instrument> allBuiltIn() {
        builtIn("GDS-15");
        return List.copyOf(BUILT_IN.values());
    }

    static Sheet sheet() {
        return new Sheet();
    }

    /** Items "1".."n" answered with {@code values} in order. */
    static Sheet numbered(int... values) {
        Sheet sheet = new Sheet();
        for (int i = 0; i < values.length; i++) {
            sheet.put(String.valueOf(i + 1), values[i]);
        }
        return sheet;
    }

    static final class Sheet {
        final Map<String, Answer> answers = new LinkedHashMap<>();

        Sheet put(String item, int value) {
            answers.put(item, Answer.of(value));
            return this;
        }

        Sheet choose(String item, int... values) {
            answers.put(item, Answer.choices(values));
            return this;
        }

        Sheet without(String... items) {
            for (String item : items) {
                answers.remove(item);
            }
            return this;
        }

        ScoreResult scoredBy(String code) {
            return Scorer.score(builtIn(code), answers);
        }

        AbstractThrowableAssert<?, ? extends Throwable> refusedBy(String code) {
            return assertThatThrownBy(() -> Scorer.score(builtIn(code), answers))
                    .isInstanceOf(InvalidAnswersException.class);
        }
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    static List<String> fields(Throwable e) {
        return ((InvalidAnswersException) e).violations().stream().map(Violation::field).toList();
    }
}
