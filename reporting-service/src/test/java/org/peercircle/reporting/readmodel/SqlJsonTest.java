package org.peercircle.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.peercircle.contracts.EventJson;

/** The quick writer of score maps writes what Jackson writes, so stored scores read the same whichever wrote them. */
class SqlJsonTest {

    @Test
    void scoreMapsAreWrittenAsJacksonWritesThem() throws Exception {
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("total", 20.0);
        numbers.put("S1", 0.1 + 0.2);
        numbers.put("tiny", 1.0e-7);
        numbers.put("huge", 1.5e12);
        numbers.put("negative", -3.25);
        numbers.put("missing", null);
        numbers.put("引号\"与\\反斜杠\n\u0001", 4.0);
        double[] whole = { 0.0, -0.0, 1.0, -3.0, 123.0, 9_999_999.0, 1e7, -1e7, 1e15, 0.5, -2.5, Double.MIN_VALUE,
                Double.MAX_VALUE };
        for (int i = 0; i < whole.length; i++) {
            numbers.put("w" + i, whole[i]);
        }
        assertThat(Sql.json(numbers)).isEqualTo(EventJson.MAPPER.writeValueAsString(numbers));
        assertThat(Sql.json(Map.<String, Double>of())).isEqualTo("{}");
        assertThat(Sql.json((Map<String, Double>) null)).isNull();
    }
}
