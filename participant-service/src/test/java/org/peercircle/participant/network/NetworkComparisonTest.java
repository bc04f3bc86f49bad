package org.peercircle.participant.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.peercircle.participant.network.NetworkComparison.TypeChange;
import org.peercircle.participant.network.Tie.ContactFrequency;
import org.peercircle.participant.network.Tie.SupportKind;
import org.peercircle.participant.network.Tie.TieType;

class NetworkComparisonTest {

    private static Tie tie(String name, TieType type, SupportKind... support) {
        return new Tie(name, type, Tie.formalByDefault(type), Set.of(support), ContactFrequency.WEEKLY, 3);
    }

    private static TypeChange of(NetworkComparison.Result result, TieType type) {
        return result.byType().stream().filter(c -> c.type() == type).findFirst().orElseThrow();
    }

    @Test
    void anOldDrifterGainsPeersAndAWorkerOverTheGroup() {
        List<Tie> baseline = List.of(
                tie("女儿 李娟", TieType.FAMILY, SupportKind.INSTRUMENTAL),
                tie("老伴", TieType.FAMILY, SupportKind.EXPRESSIVE));
        List<Tie> end = List.of(
                tie("女儿李娟", TieType.FAMILY, SupportKind.INSTRUMENTAL, SupportKind.EXPRESSIVE),
                tie("老伴", TieType.FAMILY, SupportKind.EXPRESSIVE),
                tie("组员 张姐", TieType.PEER, SupportKind.EXPRESSIVE),
                tie("组员 刘姐", TieType.PEER, SupportKind.INFORMATIONAL),
                tie("社工 小陈", TieType.COMMUNITY_WORKER, SupportKind.INFORMATIONAL));

        var result = NetworkComparison.compare(baseline, end);

        assertThat(of(result, TieType.FAMILY).kept()).containsExactly("女儿李娟", "老伴");
        assertThat(of(result, TieType.FAMILY).gained()).isEmpty();
        assertThat(of(result, TieType.PEER).gained()).containsExactly("组员 张姐", "组员 刘姐");
        assertThat(of(result, TieType.PEER).before()).isZero();
        assertThat(of(result, TieType.PEER).after()).isEqualTo(2);
        assertThat(of(result, TieType.COMMUNITY_WORKER).gained()).containsExactly("社工 小陈");
        assertThat(result.gained()).isEqualTo(3);
        assertThat(result.lost()).isZero();
        assertThat(result.formal()).isEqualTo(new NetworkComparison.CountChange(0, 1));
        assertThat(result.informal()).isEqualTo(new NetworkComparison.CountChange(2, 4));
        assertThat(result.bySupport().get(SupportKind.EXPRESSIVE)).isEqualTo(new NetworkComparison.CountChange(1, 3));
        assertThat(result.bySupport().get(SupportKind.INFORMATIONAL)).isEqualTo(new NetworkComparison.CountChange(0, 2));
    }

    @Test
    void aTieThatChangedTypeIsLostUnderTheOldTypeAndGainedUnderTheNew() {
        var result = NetworkComparison.compare(
                List.of(tie("王阿姨", TieType.NEIGHBOUR, SupportKind.INSTRUMENTAL)),
                List.of(tie("王阿姨", TieType.PEER, SupportKind.EXPRESSIVE)));
        assertThat(of(result, TieType.NEIGHBOUR).lost()).containsExactly("王阿姨");
        assertThat(of(result, TieType.PEER).gained()).containsExactly("王阿姨");
        assertThat(result.gained()).isEqualTo(1);
        assertThat(result.lost()).isEqualTo(1);
    }

    @Test
    void namesakesPairUpOneToOne() {
        var result = NetworkComparison.compare(
                List.of(tie("邻居", TieType.NEIGHBOUR), tie("邻居", TieType.NEIGHBOUR)),
                List.of(tie("邻居", TieType.NEIGHBOUR)));
        assertThat(of(result, TieType.NEIGHBOUR).kept()).hasSize(1);
        assertThat(of(result, TieType.NEIGHBOUR).lost()).hasSize(1);
        assertThat(of(result, TieType.NEIGHBOUR).after()).isEqualTo(1);
    }

    @Test
    void fromNoOneToSomeone() {
        var result = NetworkComparison.compare(List.of(), List.of(tie("社区服务中心", TieType.ORGANISATION)));
        assertThat(result.before().total()).isZero();
        assertThat(result.after().total()).isEqualTo(1);
        assertThat(result.after().formal()).isEqualTo(1);
        assertThat(result.byType()).hasSize(TieType.values().length);
    }

    @Test
    void countsCarryEveryKeyAndCountAMultiSupportTieUnderEachKind() {
        NetworkCounts counts = NetworkCounts.of(List.of(
                tie("女儿", TieType.FAMILY, SupportKind.EXPRESSIVE, SupportKind.INSTRUMENTAL),
                new Tie("社工", TieType.COMMUNITY_WORKER, false, Set.of(), ContactFrequency.MONTHLY, 2)));
        assertThat(counts.total()).isEqualTo(2);
        assertThat(counts.formal()).as("the worker said this worker is informal support").isZero();
        assertThat(counts.informal()).isEqualTo(2);
        assertThat(counts.byType()).containsOnlyKeys("FAMILY", "PEER", "NEIGHBOUR", "COMMUNITY_WORKER", "ORGANISATION")
                .containsEntry("FAMILY", 1).containsEntry("COMMUNITY_WORKER", 1).containsEntry("PEER", 0);
        assertThat(counts.bySupport()).containsOnlyKeys("EXPRESSIVE", "INSTRUMENTAL", "INFORMATIONAL")
                .containsEntry("EXPRESSIVE", 1).containsEntry("INSTRUMENTAL", 1).containsEntry("INFORMATIONAL", 0);
    }
}
