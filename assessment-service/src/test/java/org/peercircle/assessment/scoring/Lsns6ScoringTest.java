package org.peercircle.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peercircle.assessment.scoring.Sheets.numbered;

import org.junit.jupiter.api.Test;

/** LSNS-6: items 0–5, family (1–3) and friends (4–6) subscales, total 0–30, below 12 at risk of isolation. */
class Lsns6ScoringTest {

    @Test
    void familyAndFriendsSubscalesAndTotal() {
        ScoreResult r = numbered(3, 1, 0, 5, 2, 4).scoredBy("LSNS-6");
        assertThat(r.subscales().get("family")).isEqualByComparingTo("4");
        assertThat(r.subscales().get("friends")).isEqualByComparingTo("11");
        assertThat(r.total()).isEqualByComparingTo("15");
        assertThat(r.bandCode()).isEqualTo("NOT_AT_RISK");
    }

    @Test
    void bandEdges() {
        assertThat(numbered(0, 0, 0, 0, 0, 0).scoredBy("LSNS-6").bandCode()).isEqualTo("AT_RISK_OF_ISOLATION");
        ScoreResult eleven = numbered(2, 2, 2, 2, 2, 1).scoredBy("LSNS-6");
        assertThat(eleven.total()).isEqualByComparingTo("11");
        assertThat(eleven.bandCode()).isEqualTo("AT_RISK_OF_ISOLATION");
        ScoreResult twelve = numbered(2, 2, 2, 2, 2, 2).scoredBy("LSNS-6");
        assertThat(twelve.total()).isEqualByComparingTo("12");
        assertThat(twelve.bandCode()).isEqualTo("NOT_AT_RISK");
        ScoreResult thirty = numbered(5, 5, 5, 5, 5, 5).scoredBy("LSNS-6");
        assertThat(thirty.total()).isEqualByComparingTo("30");
        assertThat(thirty.subscales().get("family")).isEqualByComparingTo("15");
        assertThat(thirty.bandCode()).isEqualTo("NOT_AT_RISK");
    }

    @Test
    void everyItemIsRequired() {
        numbered(1, 1, 1, 1, 1, 1).without("5").refusedBy("LSNS-6")
                .satisfies(e -> assertThat(Sheets.fields(e)).containsExactly("answers.5"));
        numbered(1, 1, 1, 1, 1, 6).refusedBy("LSNS-6")
                .satisfies(e -> assertThat(Sheets.fields(e)).containsExactly("answers.6"));
    }
}
