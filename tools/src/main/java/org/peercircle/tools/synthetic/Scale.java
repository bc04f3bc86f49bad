package org.peercircle.tools.synthetic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Answers to one of assessment-service's built-in instruments that add up to a chosen score, spread over the
 * items the way real answers vary. The services score them; the tools only decide what a person answered.
 * Keys and option values follow assessment-service's instrument definitions (src/main/resources/instruments).
 */
public abstract class Scale {

    public static final Scale ALIENATION_7 = new Summed("ALIENATION-7", 7, 1, 5);
    public static final Scale UCLA_3 = new Summed("UCLA-3", 3, 1, 3);
    public static final Scale GSE_10 = new Summed("GSE-10", 10, 1, 4);
    public static final Scale LSNS_6 = new Summed("LSNS-6", 6, 0, 5);
    public static final Scale SESSION_FEEDBACK = new Summed("SESSION-FEEDBACK", 5, 1, 5);
    public static final Scale DJG_6 = new DeJongGierveld6();
    public static final Scale GDS_15 = new Gds15();

    private final String code;

    Scale(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public abstract int min();

    public abstract int max();

    /** Answers (item id → option value) whose score is {@code score}, clamped to the scale's range. */
    public abstract Map<String, Object> answers(int score, Random random);

    public int clamp(long score) {
        return (int) Math.max(min(), Math.min(max(), score));
    }

    /** A score drawn around {@code mean} with spread {@code sd}, rounded and clamped to the range. */
    public int draw(double mean, double sd, Random random) {
        return clamp(Math.round(mean + sd * random.nextGaussian()));
    }

    /** Items on one option scale, scored as their sum (a mean scale is the sum over the item count). */
    static final class Summed extends Scale {
        private final int items;
        private final int low;
        private final int high;

        Summed(String code, int items, int low, int high) {
            super(code);
            this.items = items;
            this.low = low;
            this.high = high;
        }

        @Override
        public int min() {
            return items * low;
        }

        @Override
        public int max() {
            return items * high;
        }

        @Override
        public Map<String, Object> answers(int score, Random random) {
            int target = clamp(score);
            int[] values = new int[items];
            int base = target / items;
            int extra = target % items;
            List<Integer> order = shuffled(items, random);
            for (int i = 0; i < items; i++) {
                values[order.get(i)] = base + (i < extra ? 1 : 0);
            }
            // answers vary from item to item: move points between items without changing the sum
            for (int n = 0; n < items; n++) {
                int from = random.nextInt(items);
                int to = random.nextInt(items);
                if (from != to && values[from] > low && values[to] < high) {
                    values[from]--;
                    values[to]++;
                }
            }
            Map<String, Object> answers = new LinkedHashMap<>();
            for (int i = 0; i < items; i++) {
                answers.put(String.valueOf(i + 1), values[i]);
            }
            return answers;
        }
    }

    /**
     * De Jong Gierveld 6-item loneliness scale: items 1, 4, 6 emotional (answer 2 or 3 scores 1), items 2, 3, 5
     * social (answer 1 or 2 scores 1); answer codes 1 = no, 2 = more or less, 3 = yes.
     */
    static final class DeJongGierveld6 extends Scale {
        private static final boolean[] EMOTIONAL = { true, false, false, true, false, true };

        DeJongGierveld6() {
            super("DJG-6");
        }

        @Override
        public int min() {
            return 0;
        }

        @Override
        public int max() {
            return 6;
        }

        @Override
        public Map<String, Object> answers(int score, Random random) {
            List<Integer> order = shuffled(6, random);
            int lonely = clamp(score);
            Map<String, Object> answers = new LinkedHashMap<>();
            int[] values = new int[6];
            for (int i = 0; i < 6; i++) {
                int item = order.get(i);
                boolean scores = i < lonely;
                boolean strongly = random.nextBoolean();
                values[item] = EMOTIONAL[item] ? (scores ? (strongly ? 3 : 2) : 1) : (scores ? (strongly ? 1 : 2) : 3);
            }
            for (int i = 0; i < 6; i++) {
                answers.put(String.valueOf(i + 1), values[i]);
            }
            return answers;
        }
    }

    /** Geriatric Depression Scale, 15 yes (1) / no (0) items; items 1, 5, 7, 11, 13 score a "no". */
    static final class Gds15 extends Scale {
        private static final List<Integer> REVERSED = List.of(1, 5, 7, 11, 13);

        Gds15() {
            super("GDS-15");
        }

        @Override
        public int min() {
            return 0;
        }

        @Override
        public int max() {
            return 15;
        }

        @Override
        public Map<String, Object> answers(int score, Random random) {
            List<Integer> order = shuffled(15, random);
            int depressive = clamp(score);
            int[] values = new int[15];
            for (int i = 0; i < 15; i++) {
                int item = order.get(i) + 1;
                boolean scores = i < depressive;
                values[item - 1] = REVERSED.contains(item) ? (scores ? 0 : 1) : (scores ? 1 : 0);
            }
            Map<String, Object> answers = new LinkedHashMap<>();
            for (int i = 0; i < 15; i++) {
                answers.put(String.valueOf(i + 1), values[i]);
            }
            return answers;
        }
    }

    static List<Integer> shuffled(int n, Random random) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        return order;
    }
}
