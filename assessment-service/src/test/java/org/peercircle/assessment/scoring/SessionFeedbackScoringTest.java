package org.peercircle.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peercircle.assessment.scoring.Sheets.numbered;

import org.junit.jupiter.api.Test;

/** SESSION-FEEDBACK: the mean of five 1–5 ratings to two decimals; at least three answered. */
class SessionFeedbackScoringTest {

    @Test
    void meanOfTheRatings() {
        ScoreResult r = numbered(5, 4, 4, 5, 3).scoredBy("SESSION-FEEDBACK");
        assertThat(r.total()).isEqualByComparingTo("4.20");
        assertThat(r.total().scale()).isEqualTo(2);
        assertThat(r.prorated()).isFalse();
        assertThat(numbered(1, 1, 1, 1, 1).scoredBy("SESSION-FEEDBACK").total()).isEqualByComparingTo("1.00");
        assertThat(numbered(5, 5, 5, 5, 5).scoredBy("SESSION-FEEDBACK").total()).isEqualByComparingTo("5.00");
    }

    @Test
    void missingRatingsGiveTheMeanOfTheAnsweredOnes() {
        // 14 / 3 = 4.666… → 4.67
        ScoreResult three = numbered(5, 5, 4).scoredBy("SESSION-FEEDBACK");
        assertThat(three.total()).isEqualByComparingTo("4.67");
        assertThat(three.prorated()).isTrue();
        ScoreResult four = numbered(5, 4, 4, 4).scoredBy("SESSION-FEEDBACK");
        assertThat(four.total()).isEqualByComparingTo("4.25");
    }

    @Test
    void twoRatingsAreTooFew() {
        numbered(5, 5).refusedBy("SESSION-FEEDBACK")
                .satisfies(e -> assertThat(Sheets.fields(e)).containsExactly("answers.3", "answers.4", "answers.5"));
    }
}
