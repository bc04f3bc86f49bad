package org.peercircle.reporting.dashboard;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.peercircle.platform.security.Caller;
import org.peercircle.platform.security.Roles;

@Path("/api/v1/centres/{centreId}/dashboard")
@Tag(name = "Dashboards", description = "Figures for a centre or the city, pseudonymous only")
public class CentreDashboardResource {

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @Schema(name = "CentreDashboard")
    public record CentreDashboard(UUID centreId, long peopleServed, long migrants, Map<String, Long> byStatus,
            Map<String, Long> byAgeBand, Map<String, Long> byLivingSituation) {
    }

    @GET
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR, Roles.ANALYST, Roles.INTEGRATION })
    @Operation(operationId = "getCentreDashboard", summary = "People served by a centre, by cohort and status")
    public CentreDashboard get(@PathParam("centreId") UUID centreId) {
        caller.requireCentre(centreId, "centre", centreId);
        long people = count("SELECT count(*) FROM participant_cohort WHERE centre_id = ?1", centreId);
        return new CentreDashboard(centreId, people,
                count("SELECT count(*) FROM participant_cohort WHERE centre_id = ?1 AND migrant", centreId),
                breakdown("status", centreId), breakdown("age_band", centreId), breakdown("living_situation", centreId));
    }

    private long count(String sql, UUID centreId) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, centreId).getSingleResult()).longValue();
    }

    /** {@code column} is one of our own column names, never user input. */
    private Map<String, Long> breakdown(String column, UUID centreId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + column
                + ", count(*) FROM participant_cohort WHERE centre_id = ?1 GROUP BY 1").setParameter(1, centreId)
                .getResultList();
        Map<String, Long> result = new TreeMap<>();
        rows.forEach(r -> result.put((String) r[0], ((Number) r[1]).longValue()));
        return result;
    }
}
