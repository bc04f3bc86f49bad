package org.peercircle.tools.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ScaleTest {

    private final Random random = new Random(7);

    @Test
    void summedScalesAddUpToTheChosenScoreWithEveryAnswerAnOption() {
        for (Object[] s : new Object[][] { { Scale.ALIENATION_7, 7, 1, 5 }, { Scale.UCLA_3, 3, 1, 3 }, { Scale.GSE_10, 10, 1, 4 },
                { Scale.LSNS_6, 6, 0, 5 }, { Scale.SESSION_FEEDBACK, 5, 1, 5 } }) {
            Scale scale = (Scale) s[0];
            int items = (int) s[1];
            int low = (int) s[2];
            int high = (int) s[3];
            for (int score = scale.min(); score <= scale.max(); score++) {
                Map<String, Object> answers = scale.answers(score, random);
                assertThat(answers).as(scale.code()).hasSize(items);
                assertThat(answers.keySet()).containsExactlyElementsOf(numbered(items));
                assertThat(answers.values()).allSatisfy(v -> assertThat((int) v).isBetween(low, high));
                assertThat(answers.values().stream().mapToInt(v -> (int) v).sum()).as(scale.code() + " " + score)
                        .isEqualTo(score);
            }
        }
    }

    @Test
    void scoresOutsideTheRangeAreClamped() {
        assertThat(sum(Scale.ALIENATION_7.answers(50, random))).isEqualTo(35);
        assertThat(sum(Scale.UCLA_3.answers(0, random))).isEqualTo(3);
        assertThat(Scale.GSE_10.draw(100, 0, random)).isEqualTo(40);
    }

    @Test
    void deJongGierveldAnswersScoreAsTheManualCountsThem() {
        for (int score = 0; score <= 6; score++) {
            Map<String, Object> answers = Scale.DJG_6.answers(score, random);
            int counted = 0;
            for (int item = 1; item <= 6; item++) {
                int answer = (int) answers.get(String.valueOf(item));
                assertThat(answer).isBetween(1, 3);
                boolean emotional = item == 1 || item == 4 || item == 6;
                counted += emotional ? (answer >= 2 ? 1 : 0) : (answer <= 2 ? 1 : 0);
            }
            assertThat(counted).isEqualTo(score);
        }
    }

    @Test
    void geriatricDepressionAnswersScoreWithTheReverseKeyedItems() {
        List<Integer> reversed = List.of(1, 5, 7, 11, 13);
        for (int score = 0; score <= 15; score++) {
            Map<String, Object> answers = Scale.GDS_15.answers(score, random);
            int counted = 0;
            for (int item = 1; item <= 15; item++) {
                int answer = (int) answers.get(String.valueOf(item));
                assertThat(answer).isIn(0, 1);
                counted += reversed.contains(item) ? 1 - answer : answer;
            }
            assertThat(counted).isEqualTo(score);
        }
    }

    @Test
    void theSameSeedGivesTheSameAnswers() {
        assertThat(Scale.ALIENATION_7.answers(24, new Random(1))).isEqualTo(Scale.ALIENATION_7.answers(24, new Random(1)));
    }

    private static List<String> numbered(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(String::valueOf).toList();
    }

    private static int sum(Map<String, Object> answers) {
        return answers.values().stream().mapToInt(v -> (int) v).sum();
    }
}
