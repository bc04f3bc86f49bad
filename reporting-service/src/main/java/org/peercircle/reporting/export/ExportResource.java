package org.peercircle.reporting.export;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.peercircle.platform.security.Caller;
import org.peercircle.platform.security.Roles;
import org.peercircle.reporting.assessment.Scores;
import org.peercircle.reporting.group.Groups;
import org.peercircle.reporting.outcome.InstrumentOutcome;
import org.peercircle.reporting.outcome.OutcomeCalculator;
import org.peercircle.reporting.outcome.ScaleOutcome;
import org.peercircle.reporting.outcome.Score;
import org.peercircle.reporting.readmodel.Reads;

/**
 * Long-format CSV for SPSS or R, with pseudonymous ids only. Scoped like the dashboards: city-wide roles see every
 * centre, social workers their own, a facilitator the groups they run; people who withdrew analytics consent or were
 * erased are not in any row.
 */
@Path("/api/v1/exports")
@Tag(name = "Exports", description = "Pseudonymous long-format CSV for SPSS or R")
@Produces("text/csv; charset=UTF-8")
public class ExportResource {

    private static final ZoneId CENTRES = ZoneId.of("Asia/Shanghai");

    @Inject
    Caller caller;

    @Inject
    Groups groups;

    @Inject
    Scores scores;

    @Inject
    Reads reads;

    @ConfigProperty(name = "peercircle.reporting.export-statement-timeout", defaultValue = "60s")
    String exportTimeout;

    @GET
    @Path("assessments.csv")
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR, Roles.ANALYST, Roles.INTEGRATION })
    @APIResponse(responseCode = "200", description = "CSV with a header row",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @Operation(operationId = "exportAssessments", summary = "Every current score as one row per administration and "
            + "scale (TOTAL or a subscale)")
    public Response assessments(
            @Parameter(description = "Only this centre", example = "7b0e4a57-1f0c-4d5a-8b1e-2f1f3c2d4e5f") @QueryParam("centreId") UUID centreId,
            @Parameter(description = "Only this group", example = "3f1c1b1e-7d1a-4c55-9a55-0d4f2b0f8a11") @QueryParam("groupId") UUID groupId) {
        Collection<UUID> scope = reads.call(() -> scope(centreId, groupId));
        String facilitator = caller.facilitatorRestriction().orElse(null);
        return file("assessments.csv", out -> {
            Csv csv = new Csv(out, List.of("participant_id", "centre_id", "group_id", "administration_id", "revision",
                    "instrument_code", "instrument_version", "phase", "administered_on", "administered_at", "scale",
                    "score"));
            scores.streamOfCentres(scope, groupId, facilitator, false, row -> {
                Score s = row.score();
                Object[] common = { s.participantId(), row.centreId(), s.groupId(), s.administrationId(), row.revision(),
                        s.instrumentCode(), s.instrumentVersion(), s.phase(),
                        s.administeredAt() == null ? null : s.administeredAt().atZoneSameInstant(CENTRES).toLocalDate(),
                        s.administeredAt() };
                if (s.total() != null) {
                    csv.row(concat(common, OutcomeCalculator.TOTAL, s.total()));
                }
                if (s.subscales() != null) {
                    new TreeMap<>(s.subscales()).forEach((name, value) -> csv.row(concat(common, name, value)));
                }
            });
        });
    }

    @GET
    @Path("outcomes.csv")
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR, Roles.ANALYST, Roles.INTEGRATION })
    @APIResponse(responseCode = "200", description = "CSV with a header row",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @Operation(operationId = "exportOutcomes", summary = "One row per member, group, instrument and scale: the paired "
            + "pre and post score, the change and the reliable change index computed within the member's group")
    public Response outcomes(
            @Parameter(description = "Only this centre", example = "7b0e4a57-1f0c-4d5a-8b1e-2f1f3c2d4e5f") @QueryParam("centreId") UUID centreId,
            @Parameter(description = "Only this group", example = "3f1c1b1e-7d1a-4c55-9a55-0d4f2b0f8a11") @QueryParam("groupId") UUID groupId) {
        Collection<UUID> scope = reads.call(() -> scope(centreId, groupId));
        String facilitator = caller.facilitatorRestriction().orElse(null);
        return file("outcomes.csv", out -> {
            Csv csv = new Csv(out, List.of("participant_id", "centre_id", "group_id", "instrument_code",
                    "instrument_version", "higher_is_worse", "scale", "pre", "post", "change", "rci", "rci_sd_source",
                    "category"));
            // rows come ordered by group: one group's scores are held at a time
            List<Scores.Row> group = new ArrayList<>();
            scores.streamOfCentres(scope, groupId, facilitator, true, row -> {
                if (!group.isEmpty() && !group.get(0).score().groupId().equals(row.score().groupId())) {
                    writeGroup(csv, group);
                    group.clear();
                }
                group.add(row);
            });
            writeGroup(csv, group);
        });
    }

    private static void writeGroup(Csv csv, List<Scores.Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        UUID group = rows.get(0).score().groupId();
        UUID centre = rows.get(0).centreId();
        for (InstrumentOutcome o : OutcomeCalculator.outcomes(rows.stream().map(Scores.Row::score).toList(), true)) {
            List<ScaleOutcome> scales = new ArrayList<>();
            if (o.total() != null) {
                scales.add(o.total());
            }
            scales.addAll(o.subscales());
            for (ScaleOutcome scale : scales) {
                String source = scale.reliableChange() == null ? null : scale.reliableChange().sdSource();
                for (ScaleOutcome.MemberChange m : scale.members()) {
                    csv.row(m.participantId(), centre, group, o.instrumentCode(), o.instrumentVersion(),
                            o.higherIsWorse(), scale.scale(), m.pre(), m.post(), m.change(), m.rci(), source,
                            m.category());
                }
            }
        }
    }

    /** The centres to export; null for every centre. */
    private Collection<UUID> scope(UUID centreId, UUID groupId) {
        if (groupId != null) {
            Groups.Group group = groups.visible(groupId);
            if (centreId != null && !centreId.equals(group.centreId())) {
                return Set.of();
            }
            return Set.of(group.centreId());
        }
        if (centreId != null) {
            caller.requireCentre(centreId, "centre", centreId);
            return Set.of(centreId);
        }
        return caller.centreRestriction().orElse(null);
    }

    private static Object[] concat(Object[] common, Object... more) {
        Object[] all = java.util.Arrays.copyOf(common, common.length + more.length);
        System.arraycopy(more, 0, all, common.length, more.length);
        return all;
    }

    private interface Body {
        void write(Writer out);
    }

    /**
     * Streams the file as its rows are read: on a connection of the request pool, with a time limit per statement
     * of its own (an export reads more than a dashboard), through a cursor.
     */
    private Response file(String name, Body body) {
        StreamingOutput stream = output -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
            reads.run(exportTimeout, () -> body.write(out));
            out.flush();
        };
        return Response.ok(stream).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }
}
