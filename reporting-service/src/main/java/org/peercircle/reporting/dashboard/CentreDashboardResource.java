package org.peercircle.reporting.dashboard;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.peercircle.platform.security.Caller;
import org.peercircle.platform.security.Roles;
import org.peercircle.reporting.group.GroupProcess;
import org.peercircle.reporting.outcome.InstrumentOutcome;
import org.peercircle.reporting.readmodel.Reads;

@Path("/api/v1/centres/{centreId}/dashboard")
@Tag(name = "Dashboards", description = "Figures for a group, a centre or the city, pseudonymous only")
@Produces(MediaType.APPLICATION_JSON)
public class CentreDashboardResource {

    @Inject
    Caller caller;

    @Inject
    FiguresQuery figures;

    @Inject
    CentreGroups centreGroups;

    @Inject
    Reads reads;

    @Schema(name = "CentreDashboard", description = "A centre's own figures, not suppressed (its staff know its people)")
    public record CentreDashboard(UUID centreId,
            @Schema(description = "People registered with the centre", examples = "42") long peopleServed,
            @Schema(description = "Migrant older people (\"old drifters\")", examples = "17") long migrants,
            long livingAlone,
            Map<String, Long> byStatus, Map<String, Long> byAgeBand, Map<String, Long> byLivingSituation,
            Map<String, Long> byGender,
            @Schema(description = "PLANNING, RECRUITING, RUNNING, CLOSED") Map<String, Long> groupsByStatus,
            long groupsRunning, long groupsClosed,
            @Schema(description = "People who took a seat in a group") long peopleInGroups,
            Membership membership, Map<String, Long> withdrawalReasons,
            @Schema(description = "(present + late) / recorded over all sessions") Double attendanceRate,
            @Schema(description = "Groups still open and the 20 most recently closed, oldest first; groupsByStatus counts them all")
            List<GroupSummary> groups,
            @Schema(description = "Pooled over the centre's groups: one pair per member and group") List<InstrumentOutcome> outcomes,
            List<Figures.Needs> needs) {
    }

    @Schema(name = "CentreMembership")
    public record Membership(long enrolled, long completed, long withdrawn, long waitListed) {
    }

    @Schema(name = "GroupSummary")
    public record GroupSummary(UUID groupId, String title, String kind, String status,
            GroupProcess.Membership membership, long sessionsHeld, Double attendanceRate, List<GroupProcess.AtRisk> atRisk) {
    }

    @GET
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR, Roles.ANALYST, Roles.INTEGRATION })
    @Operation(operationId = "getCentreDashboard", summary = "A centre's people by cohort, its groups, retention, "
            + "attendance, pooled outcomes and needs")
    public CentreDashboard get(
            @Parameter(example = "7b0e4a57-1f0c-4d5a-8b1e-2f1f3c2d4e5f") @PathParam("centreId") UUID centreId) {
        caller.requireCentre(centreId, "centre", centreId);
        return reads.call(() -> {
            Figures f = figures.of(Set.of(centreId));
            return dashboard(centreId, f, centreGroups.of(centreId));
        });
    }

    private static CentreDashboard dashboard(UUID centreId, Figures f, List<GroupSummary> summaries) {
        return new CentreDashboard(centreId, f.peopleServed(), f.migrants(), f.livingAlone(), f.byStatus(),
                f.byAgeBand(), f.byLivingSituation(), f.byGender(), f.groupsByStatus(), f.groups("RUNNING"),
                f.groups("CLOSED"), f.peopleInGroups(),
                new Membership(f.enrolled(), f.completed(), f.withdrawn(), f.waitListed()), f.withdrawalReasons(),
                f.attendanceRate(), summaries, f.outcomes(), f.needs());
    }
}
