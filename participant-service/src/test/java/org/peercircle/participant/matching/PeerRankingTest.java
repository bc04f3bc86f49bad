package org.peercircle.participant.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peercircle.participant.matching.PeerRanking.Match;
import org.peercircle.participant.matching.PeerRanking.Profile;
import org.peercircle.participant.matching.PeerRanking.ReasonCode;

class PeerRankingTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static final Profile ME = new Profile(UUID.randomUUID(), "湖南省", "衡阳市", List.of("湘语", "普通话"),
            List.of("广场舞", "书法", "唱歌"), "天河北社区", LocalDate.of(1955, 6, 1));

    private static Profile other(String province, String city, List<String> dialects, List<String> interests,
            String neighbourhood, LocalDate birthDate) {
        return new Profile(UUID.randomUUID(), province, city, dialects, interests, neighbourhood, birthDate);
    }

    private static List<ReasonCode> codes(Match m) {
        return m.reasons().stream().map(PeerRanking.Reason::code).toList();
    }

    @Test
    void aFellowTownswomanWithSharedInterestsNearbyRanksFirstWithEveryReason() {
        Profile townswoman = other("湖南省", "衡阳市", List.of("湘语"), List.of("书法", "广场舞"), "天河北社区",
                LocalDate.of(1957, 1, 1));
        Profile stranger = other("广东省", "广州市", List.of("粤语"), List.of("象棋"), "石牌社区", LocalDate.of(1940, 1, 1));
        Profile neighbour = other("河南省", "郑州市", List.of("普通话"), List.of(), "天河北社区", LocalDate.of(1965, 1, 1));

        List<Match> ranked = PeerRanking.rank(ME, List.of(stranger, neighbour, townswoman), TODAY, 10);

        assertThat(ranked).extracting(Match::participantId).containsExactly(townswoman.id(), neighbour.id());
        Match first = ranked.get(0);
        assertThat(codes(first)).containsExactly(ReasonCode.SAME_HOMETOWN_CITY, ReasonCode.SHARED_DIALECT,
                ReasonCode.SHARED_INTERESTS, ReasonCode.SAME_NEIGHBOURHOOD, ReasonCode.SIMILAR_AGE);
        assertThat(first.score()).isEqualTo(PeerRanking.SAME_CITY + PeerRanking.SHARED_DIALECT
                + 2 * PeerRanking.PER_SHARED_INTEREST + PeerRanking.SAME_NEIGHBOURHOOD + PeerRanking.AGE_WITHIN_3);
        assertThat(first.reasons().get(2).detail()).isEqualTo("书法、广场舞");
        assertThat(first.reasons().get(0).label()).isEqualTo("同乡");
    }

    @Test
    void mandarinAloneIsNotASharedDialect() {
        Profile p = other(null, null, List.of("普通话", "Mandarin"), List.of(), null, null);
        assertThat(PeerRanking.rank(new Profile(ME.id(), null, null, List.of("普通话", "mandarin"), List.of(), null, null),
                List.of(p), TODAY, 10)).isEmpty();
    }

    @Test
    void sameProvinceOtherCityGivesTheProvincePointsOnly() {
        Profile changsha = other("湖南省", "长沙市", List.of(), List.of(), null, null);
        Match m = PeerRanking.score(ME, changsha, TODAY);
        assertThat(codes(m)).containsExactly(ReasonCode.SAME_HOMETOWN_PROVINCE);
        assertThat(m.score()).isEqualTo(PeerRanking.SAME_PROVINCE);
    }

    @Test
    void aCityOfTheSameNameInAnotherProvinceIsNotTheSameHometown() {
        Profile elsewhere = other("吉林省", "衡阳市", List.of(), List.of(), null, null);
        assertThat(PeerRanking.score(ME, elsewhere, TODAY).score()).isZero();
    }

    @Test
    void sharedInterestsAreCappedAndComparedWithoutSpacesOrCase() {
        Profile p = other(null, null, List.of(), List.of("广场舞 ", "书法", "唱歌", "太极"), null, null);
        Profile subject = new Profile(ME.id(), null, null, List.of(), List.of("广场舞", "书法", "唱歌", "太极"), null, null);
        assertThat(PeerRanking.score(subject, p, TODAY).score()).isEqualTo(PeerRanking.MAX_SHARED_INTERESTS);
    }

    @Test
    void ageGivesTenWithinThreeYearsFiveWithinSixNothingBeyond() {
        Profile within3 = other(null, null, List.of(), List.of(), null, LocalDate.of(1958, 6, 1));
        Profile within6 = other(null, null, List.of(), List.of(), null, LocalDate.of(1961, 6, 1));
        Profile beyond = other(null, null, List.of(), List.of(), null, LocalDate.of(1962, 6, 1));
        assertThat(PeerRanking.score(ME, within3, TODAY).score()).isEqualTo(PeerRanking.AGE_WITHIN_3);
        assertThat(PeerRanking.score(ME, within6, TODAY).score()).isEqualTo(PeerRanking.AGE_WITHIN_6);
        assertThat(PeerRanking.score(ME, beyond, TODAY).score()).isZero();
    }

    @Test
    void equalScoresGoToTheSmallerAgeGapAndTheLimitHolds() {
        Profile closer = other(null, null, List.of(), List.of("象棋"), "天河北社区", LocalDate.of(1940, 6, 1));
        Profile farther = other(null, null, List.of(), List.of("象棋"), "天河北社区", LocalDate.of(1935, 6, 1));
        Profile subject = new Profile(ME.id(), null, null, List.of(), List.of("象棋"), "天河北社区", ME.birthDate());
        List<Match> ranked = PeerRanking.rank(subject, List.of(farther, closer), TODAY, 10);
        assertThat(ranked).extracting(Match::participantId).containsExactly(closer.id(), farther.id());
        assertThat(PeerRanking.rank(subject, List.of(farther, closer), TODAY, 1)).hasSize(1);
    }

    @Test
    void thePersonIsNeverTheirOwnMatch() {
        assertThat(PeerRanking.rank(ME, List.of(ME), TODAY, 10)).isEmpty();
    }
}
