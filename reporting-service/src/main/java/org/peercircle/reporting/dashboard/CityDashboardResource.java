package org.peercircle.reporting.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.peercircle.platform.security.Roles;
import org.peercircle.reporting.dashboard.Suppression.Cell;
import org.peercircle.reporting.outcome.InstrumentOutcome;
import org.peercircle.reporting.outcome.ScaleOutcome;
import org.peercircle.reporting.readmodel.Sql;
import org.peercircle.reporting.readmodel.Reads;

@Path("/api/v1/city/dashboard")
@Tag(name = "Dashboards", description = "Figures for a group, a centre or the city, pseudonymous only")
@Produces(MediaType.APPLICATION_JSON)
public class CityDashboardResource {

    @Inject
    FiguresQuery figures;

    @Inject
    Sql sql;

    @Inject
    Reads reads;

    @ConfigProperty(name = "peercircle.reporting.min-cell-size", defaultValue = "5")
    int minCellSize;

    @Schema(name = "CityDashboard", description = "City-wide figures; counts of 1 to minCellSize − 1 people and "
            + "statistics over fewer than minCellSize people are suppressed (value null, suppressed true)")
    public record CityDashboard(int minCellSize, Cell peopleServed, Cell migrants, Cell livingAlone,
            Map<String, Cell> byStatus, Map<String, Cell> byAgeBand, Map<String, Cell> byLivingSituation,
            Map<String, Cell> byGender, Map<String, Long> groupsByStatus, long groupsRunning, long groupsClosed,
            Cell peopleInGroups, Membership membership, Map<String, Cell> withdrawalReasons,
            Double attendanceRate, boolean attendanceRateSuppressed, List<CentreSummary> centres,
            List<Outcome> outcomes, List<Needs> needs) {
    }

    @Schema(name = "CityMembership")
    public record Membership(Cell enrolled, Cell completed, Cell withdrawn, Cell waitListed) {
    }

    @Schema(name = "CentreSummary")
    public record CentreSummary(UUID centreId, Cell peopleServed, long groupsRunning, long groupsClosed) {
    }

    @Schema(name = "CityOutcome", description = "Pooled outcome of an instrument; suppressed when fewer than "
            + "minCellSize pairs (then nPaired is null too); improved/unchanged/worse withheld when any of them is a small cell")
    public record Outcome(String instrumentCode, int instrumentVersion, boolean higherIsWorse,
            @Schema(examples = "24", description = "People with a PRE and a POST score; null when suppressed") Long nPaired,
            boolean suppressed, ScaleOutcome total, List<ScaleOutcome> subscales) {
    }

    @Schema(name = "CityNeeds")
    public record Needs(String instrumentCode, int instrumentVersion, Cell respondents,
            Map<String, Map<String, Cell>> items) {
    }

    @GET
    @RolesAllowed({ Roles.COORDINATOR, Roles.ANALYST, Roles.INTEGRATION })
    @Operation(operationId = "getCityDashboard", summary = "City-wide figures with small cells suppressed")
    public CityDashboard get() {
        return reads.call(this::read);
    }

    private CityDashboard read() {
        Suppression s = new Suppression(minCellSize);
        Figures f = figures.of(null);
        List<Outcome> outcomes = f.outcomes().stream().map(o -> outcome(o, s)).toList();
        List<Needs> needs = f.needs().stream()
                .map(n -> s.tooFewForStatistics(n.respondents())
                        ? new Needs(n.instrumentCode(), n.instrumentVersion(), s.count(n.respondents()), Map.of())
                        : new Needs(n.instrumentCode(), n.instrumentVersion(), s.count(n.respondents()),
                                s.nested(n.items())))
                .toList();
        boolean rateSuppressed = s.tooFewForStatistics(f.peopleWithAttendance());
        return new CityDashboard(minCellSize, s.count(f.peopleServed()), s.count(f.migrants()), s.count(f.livingAlone()),
                s.breakdown(f.byStatus()), s.breakdown(f.byAgeBand()), s.breakdown(f.byLivingSituation()),
                s.breakdown(f.byGender()), f.groupsByStatus(), f.groups("RUNNING"), f.groups("CLOSED"),
                s.count(f.peopleInGroups()),
                new Membership(s.count(f.enrolled()), s.count(f.completed()), s.count(f.withdrawn()),
                        s.count(f.waitListed())),
                s.breakdown(f.withdrawalReasons()), rateSuppressed ? null : f.attendanceRate(), rateSuppressed,
                centres(s), outcomes, needs);
    }

    private List<CentreSummary> centres(Suppression s) {
        Map<UUID, long[]> byCentre = new TreeMap<>();
        sql.list("""
                SELECT centre_id, COALESCE(sum(n) FILTER (WHERE metric = 'people'), 0),
                       COALESCE(sum(n) FILTER (WHERE metric = 'groups' AND key = '["RUNNING"]'), 0),
                       COALESCE(sum(n) FILTER (WHERE metric = 'groups' AND key = '["CLOSED"]'), 0)
                FROM dashboard_count WHERE metric IN ('people', 'groups') AND centre_id <> ? GROUP BY 1
                """, rs -> byCentre.put(Sql.uuid(rs, "centre_id"),
                        new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4) }), Tallies.CITY);
        List<CentreSummary> result = new ArrayList<>();
        byCentre.forEach((id, c) -> result.add(new CentreSummary(id, s.count(c[0]), c[1], c[2])));
        return result;
    }

    private static Outcome outcome(InstrumentOutcome o, Suppression s) {
        long n = o.total() == null ? 0 : o.total().nPaired();
        if (s.tooFewForStatistics(n)) {
            return new Outcome(o.instrumentCode(), o.instrumentVersion(), o.higherIsWorse(), null, true, null, List.of());
        }
        return new Outcome(o.instrumentCode(), o.instrumentVersion(), o.higherIsWorse(), n, false, scale(o.total(), s),
                o.subscales().stream().filter(x -> !s.tooFewForStatistics(x.nPaired())).map(x -> scale(x, s)).toList());
    }

    /** Withholds improved/unchanged/worse together when any of them is a small cell. */
    private static ScaleOutcome scale(ScaleOutcome x, Suppression s) {
        boolean small = x.improved() != null
                && (s.tooFew(x.improved()) || s.tooFew(x.unchanged()) || s.tooFew(x.worse()));
        if (!small) {
            return x;
        }
        return new ScaleOutcome(x.scale(), x.nPaired(), x.preMean(), x.preSd(), x.postMean(), x.postSd(),
                x.meanChange(), x.changeSd(), x.ci95(), x.tTest(), x.wilcoxon(), x.effectSize(), x.reliableChange(),
                "SUPPRESSED_SMALL_CELLS", null, null, null, null);
    }
}
