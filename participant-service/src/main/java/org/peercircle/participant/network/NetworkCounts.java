package org.peercircle.participant.network;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.peercircle.participant.network.Tie.SupportKind;
import org.peercircle.participant.network.Tie.TieType;

/**
 * A network as counts, the only form in which it leaves the service: every tie type and support kind is
 * present (zero when absent), so consumers can compare snapshots key by key. A tie giving several kinds of
 * support counts once under each.
 */
@Schema(name = "NetworkCounts")
public record NetworkCounts(int total, int formal, int informal, Map<String, Integer> byType,
        Map<String, Integer> bySupport) {

    public static NetworkCounts of(Collection<Tie> ties) {
        Map<String, Integer> byType = new LinkedHashMap<>();
        Arrays.stream(TieType.values()).forEach(t -> byType.put(t.name(), 0));
        Map<String, Integer> bySupport = new LinkedHashMap<>();
        Arrays.stream(SupportKind.values()).forEach(k -> bySupport.put(k.name(), 0));
        int formal = 0;
        for (Tie tie : ties) {
            byType.merge(tie.type().name(), 1, Integer::sum);
            tie.support().forEach(k -> bySupport.merge(k.name(), 1, Integer::sum));
            if (tie.formal()) {
                formal++;
            }
        }
        return new NetworkCounts(ties.size(), formal, ties.size() - formal, Map.copyOf(byType), Map.copyOf(bySupport));
    }
}
