package org.peercircle.participant.network;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.peercircle.participant.network.Tie.SupportKind;
import org.peercircle.participant.network.Tie.TieType;

/**
 * What changed between two network maps, e.g. the baseline and the end of a group: per tie type the ties
 * gained, lost and kept, and the counts by type, support kind and formality before and after.
 *
 * <p>A tie is the same tie in both maps when it has the same type and the same name, ignoring spaces and
 * letter case. A tie whose type changed (a neighbour who became a friend from the group) shows as lost under
 * the old type and gained under the new one. Two ties of one type with the same name pair up one to one.
 */
public final class NetworkComparison {

    @Schema(name = "NetworkTypeChange")
    public record TypeChange(TieType type, int before, int after, List<String> gained, List<String> lost,
            List<String> kept) {
    }

    @Schema(name = "NetworkCountChange")
    public record CountChange(int before, int after) {
    }

    @Schema(name = "NetworkChange")
    public record Result(NetworkCounts before, NetworkCounts after, List<TypeChange> byType,
            Map<SupportKind, CountChange> bySupport, CountChange formal, CountChange informal, int gained, int lost) {
    }

    private NetworkComparison() {
    }

    public static Result compare(List<Tie> from, List<Tie> to) {
        List<TypeChange> byType = new ArrayList<>();
        int gained = 0;
        int lost = 0;
        for (TieType type : TieType.values()) {
            List<Tie> before = from.stream().filter(t -> t.type() == type).toList();
            List<Tie> remaining = new ArrayList<>(to.stream().filter(t -> t.type() == type).toList());
            List<String> kept = new ArrayList<>();
            List<String> lostNames = new ArrayList<>();
            for (Tie tie : before) {
                Tie match = remaining.stream().filter(t -> key(t).equals(key(tie))).findFirst().orElse(null);
                if (match != null) {
                    remaining.remove(match);
                    kept.add(match.name());
                } else {
                    lostNames.add(tie.name());
                }
            }
            List<String> gainedNames = remaining.stream().map(Tie::name).toList();
            gained += gainedNames.size();
            lost += lostNames.size();
            byType.add(new TypeChange(type, before.size(), before.size() - lostNames.size() + gainedNames.size(),
                    gainedNames, List.copyOf(lostNames), List.copyOf(kept)));
        }
        NetworkCounts countsBefore = NetworkCounts.of(from);
        NetworkCounts countsAfter = NetworkCounts.of(to);
        Map<SupportKind, CountChange> bySupport = new LinkedHashMap<>();
        Arrays.stream(SupportKind.values()).forEach(k -> bySupport.put(k,
                new CountChange(countsBefore.bySupport().get(k.name()), countsAfter.bySupport().get(k.name()))));
        return new Result(countsBefore, countsAfter, List.copyOf(byType), bySupport,
                new CountChange(countsBefore.formal(), countsAfter.formal()),
                new CountChange(countsBefore.informal(), countsAfter.informal()), gained, lost);
    }

    private static String key(Tie tie) {
        String name = tie.name() == null ? "" : tie.name();
        return Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("\\s+", "").toLowerCase();
    }
}
