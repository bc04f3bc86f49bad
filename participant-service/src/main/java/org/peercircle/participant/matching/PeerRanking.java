package org.peercircle.participant.matching;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Ranks the other participants of a centre by what helps older people become friends, as the old-drifter
 * studies describe it: a shared hometown (同乡) or dialect, shared interests, living nearby, being of an age.
 * Each match lists its reasons with the points they gave, so a social worker can see why.
 *
 * <p>Points: same hometown city 30, else same province 15; a shared dialect 20 (Mandarin does not count:
 * nearly everyone speaks it); 10 per shared interest, at most 30; same neighbourhood 20; age within 3 years
 * 10, within 6 years 5. Ties in score go to the smaller age gap, then to the id (stable order). Candidates
 * with nothing in common are left out.
 */
public final class PeerRanking {

    public static final int SAME_CITY = 30;
    public static final int SAME_PROVINCE = 15;
    public static final int SHARED_DIALECT = 20;
    public static final int PER_SHARED_INTEREST = 10;
    public static final int MAX_SHARED_INTERESTS = 30;
    public static final int SAME_NEIGHBOURHOOD = 20;
    public static final int AGE_WITHIN_3 = 10;
    public static final int AGE_WITHIN_6 = 5;

    private static final Set<String> COMMON_LANGUAGES = Set.of("普通话", "国语", "mandarin", "putonghua");

    @Schema(name = "PeerMatchReasonCode")
    public enum ReasonCode {
        SAME_HOMETOWN_CITY, SAME_HOMETOWN_PROVINCE, SHARED_DIALECT, SHARED_INTERESTS, SAME_NEIGHBOURHOOD, SIMILAR_AGE
    }

    /** What the ranking looks at; nothing here leaves the service. */
    public record Profile(UUID id, String hometownProvince, String hometownCity, List<String> dialects,
            List<String> interests, String neighbourhood, LocalDate birthDate) {
    }

    /** {@code label} is zh-CN, {@code labelEn} English; {@code detail} names what is shared. */
    @Schema(name = "PeerMatchReason")
    public record Reason(ReasonCode code, int points, String label, String labelEn, String detail) {
    }

    public record Match(UUID participantId, int score, List<Reason> reasons, int ageGapYears) {
    }

    private PeerRanking() {
    }

    public static List<Match> rank(Profile subject, List<Profile> candidates, LocalDate today, int limit) {
        List<Match> matches = new ArrayList<>();
        for (Profile candidate : candidates) {
            if (candidate.id().equals(subject.id())) {
                continue;
            }
            Match match = score(subject, candidate, today);
            if (match.score() > 0) {
                matches.add(match);
            }
        }
        matches.sort(Comparator.comparingInt(Match::score).reversed()
                .thenComparingInt(Match::ageGapYears)
                .thenComparing(Match::participantId));
        return List.copyOf(matches.subList(0, Math.min(limit, matches.size())));
    }

    static Match score(Profile a, Profile b, LocalDate today) {
        List<Reason> reasons = new ArrayList<>();
        boolean sameProvince = present(a.hometownProvince()) && same(a.hometownProvince(), b.hometownProvince());
        boolean provinceCompatible = sameProvince || !present(a.hometownProvince()) || !present(b.hometownProvince());
        if (present(a.hometownCity()) && same(a.hometownCity(), b.hometownCity()) && provinceCompatible) {
            reasons.add(new Reason(ReasonCode.SAME_HOMETOWN_CITY, SAME_CITY, "同乡", "Same hometown", b.hometownCity()));
        } else if (sameProvince) {
            reasons.add(new Reason(ReasonCode.SAME_HOMETOWN_PROVINCE, SAME_PROVINCE, "同省", "Same home province",
                    b.hometownProvince()));
        }

        List<String> dialects = shared(a.dialects(), b.dialects()).stream()
                .filter(d -> !COMMON_LANGUAGES.contains(normalise(d))).toList();
        if (!dialects.isEmpty()) {
            reasons.add(new Reason(ReasonCode.SHARED_DIALECT, SHARED_DIALECT, "方言相通", "Shared dialect",
                    String.join("、", dialects)));
        }

        List<String> interests = shared(a.interests(), b.interests());
        if (!interests.isEmpty()) {
            reasons.add(new Reason(ReasonCode.SHARED_INTERESTS,
                    Math.min(MAX_SHARED_INTERESTS, PER_SHARED_INTEREST * interests.size()), "共同兴趣",
                    "Shared interests", String.join("、", interests)));
        }

        if (present(a.neighbourhood()) && same(a.neighbourhood(), b.neighbourhood())) {
            reasons.add(new Reason(ReasonCode.SAME_NEIGHBOURHOOD, SAME_NEIGHBOURHOOD, "同一社区", "Same neighbourhood",
                    b.neighbourhood()));
        }

        int gap = Integer.MAX_VALUE;
        if (a.birthDate() != null && b.birthDate() != null) {
            gap = Math.abs(Period.between(a.birthDate(), today).getYears() - Period.between(b.birthDate(), today).getYears());
            if (gap <= 3) {
                reasons.add(new Reason(ReasonCode.SIMILAR_AGE, AGE_WITHIN_3, "年龄相近", "Similar age", "相差 " + gap + " 岁"));
            } else if (gap <= 6) {
                reasons.add(new Reason(ReasonCode.SIMILAR_AGE, AGE_WITHIN_6, "年龄相近", "Similar age", "相差 " + gap + " 岁"));
            }
        }
        int score = reasons.stream().mapToInt(Reason::points).sum();
        return new Match(b.id(), score, List.copyOf(reasons), gap);
    }

    /** The values of {@code b} that {@code a} also has (compared normalised), in {@code b}'s order. */
    private static List<String> shared(List<String> a, List<String> b) {
        if (a == null || b == null) {
            return List.of();
        }
        Set<String> mine = new LinkedHashSet<>();
        a.forEach(v -> mine.add(normalise(v)));
        Set<String> seen = new LinkedHashSet<>();
        List<String> result = new ArrayList<>();
        for (String v : b) {
            String key = normalise(v);
            if (mine.contains(key) && seen.add(key)) {
                result.add(v);
            }
        }
        return result;
    }

    private static boolean same(String a, String b) {
        return present(a) && present(b) && normalise(a).equals(normalise(b));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String normalise(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFKC).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
