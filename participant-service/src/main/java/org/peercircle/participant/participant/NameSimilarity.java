package org.peercircle.participant.participant;

import java.text.Normalizer;

/**
 * When two names probably belong to the same person. Chinese names are two to four characters, and the
 * typical slip when a referral is typed twice is one character: a homophone (王秀英 / 王秀瑛), a dropped or
 * added character (王英 / 王秀英). So names of two to four characters are similar at an edit distance of at
 * most one (counted in characters, not bytes); longer names (Latin letters, names with a middle dot) at most
 * two. Spaces, middle dots and letter case do not count, and full-width forms equal their half-width ones.
 */
public final class NameSimilarity {

    private NameSimilarity() {
    }

    public static boolean similar(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        String x = normalise(a);
        String y = normalise(b);
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        if (x.equals(y)) {
            return true;
        }
        int longer = Math.max(x.codePointCount(0, x.length()), y.codePointCount(0, y.length()));
        int shorter = Math.min(x.codePointCount(0, x.length()), y.codePointCount(0, y.length()));
        if (shorter < 2) {
            return false;
        }
        int allowed = longer <= 4 ? 1 : 2;
        return editDistance(x, y) <= allowed;
    }

    static String normalise(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase();
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints()
                .filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp)
                        && cp != '·' && cp != '•' && cp != '.' && cp != '-' && cp != '・')
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /** Levenshtein distance over code points. */
    static int editDistance(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int[] previous = new int[y.length + 1];
        int[] current = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            current[0] = i;
            for (int j = 1; j <= y.length; j++) {
                int substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length];
    }
}
