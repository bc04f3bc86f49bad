package org.peercircle.participant.network;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.participant.NetworkRecorded;
import org.peercircle.participant.audit.AuditLog;
import org.peercircle.participant.audit.AuditOperation;
import org.peercircle.participant.network.NetworkSnapshot.Occasion;
import org.peercircle.participant.network.Tie.ContactFrequency;
import org.peercircle.participant.network.Tie.SupportKind;
import org.peercircle.participant.network.Tie.TieType;
import org.peercircle.participant.paging.QueryParameters;
import org.peercircle.participant.participant.Participant;
import org.peercircle.participant.participant.ParticipantRegistry;
import org.peercircle.platform.outbox.Outbox;
import org.peercircle.platform.problem.ProblemException;
import org.peercircle.platform.security.Caller;
import org.peercircle.platform.security.Roles;

@Path("/api/v1/participants/{id}/network-snapshots")
@Tag(name = "Support network", description = "Dated maps of a participant's support network, and how they changed")
public class NetworkResource {

    @Inject
    ParticipantRegistry registry;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @Schema(name = "NetworkSnapshotRequest")
    public record SnapshotRequest(
            @Schema(examples = "2026-11-20") @NotNull @PastOrPresent LocalDate recordedOn,
            @Schema(examples = "BASELINE") @NotNull Occasion occasion,
            @Schema(examples = "首次家访时绘制") @Size(max = 2000) String note,
            @Schema(description = "Every tie; an empty list records that the person named no one")
            @NotNull @Size(max = 100) List<@Valid @NotNull TieRequest> ties) {
    }

    @Schema(name = "NetworkTieRequest")
    public record TieRequest(
            @Schema(examples = "女儿 李娟", description = "Who; stays in participant-service")
            @NotBlank @Size(max = 100) String name,
            @Schema(examples = "FAMILY") @NotNull TieType type,
            @Schema(examples = "false", description = "Formal support; defaults to true for COMMUNITY_WORKER and ORGANISATION")
            Boolean formal,
            @Schema(examples = "[\"EXPRESSIVE\", \"INSTRUMENTAL\"]") @NotNull Set<@NotNull SupportKind> supportKinds,
            @Schema(examples = "WEEKLY") @NotNull ContactFrequency contactFrequency,
            @Schema(examples = "4", description = "1 (distant) to 5 (very close)") @NotNull @Min(1) @Max(5) Integer closeness,
            @Schema(examples = "周末来帮忙带孙子") @Size(max = 1000) String note) {
    }

    @Schema(name = "NetworkTie")
    public record TieView(String name, TieType type, boolean formal, Set<SupportKind> supportKinds,
            ContactFrequency contactFrequency, int closeness, String note) {
    }

    @Schema(name = "NetworkSnapshot")
    public record SnapshotView(UUID id, UUID participantId, LocalDate recordedOn, Occasion occasion, String note,
            List<TieView> ties, NetworkCounts counts, String recordedBy, OffsetDateTime recordedAt) {

        static SnapshotView of(NetworkSnapshot s) {
            List<TieView> ties = s.ties.stream().map(t -> {
                Tie tie = t.toTie();
                return new TieView(t.name, t.tieType, t.formal, tie.support(), t.contactFrequency, t.closeness, t.note);
            }).toList();
            return new SnapshotView(s.id, s.participantId, s.recordedOn, s.occasion, s.note, ties,
                    NetworkCounts.of(s.tiesAsDomain()), s.recordedBy,
                    s.recordedAt.atZoneSameInstant(ParticipantRegistry.CENTRE_ZONE).toOffsetDateTime());
        }
    }

    @Schema(name = "NetworkSnapshotRef")
    public record SnapshotRef(UUID id, LocalDate recordedOn, Occasion occasion) {
    }

    @Schema(name = "NetworkComparison")
    public record ComparisonView(UUID participantId, SnapshotRef from, SnapshotRef to,
            NetworkComparison.Result comparison) {
    }

    @POST
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR })
    @Operation(operationId = "recordNetworkSnapshot",
            summary = "Record the participant's support network as of a day (baseline, end of group, ...)")
    @APIResponse(responseCode = "201", description = "Recorded; participant.network-recorded.v1 publishes counts only",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SnapshotView.class)))
    @APIResponse(responseCode = "410", description = "The participant was erased")
    public Response record(@PathParam("id") UUID id, @Valid @NotNull SnapshotRequest request) {
        Participant p = registry.find(id);
        NetworkSnapshot s = new NetworkSnapshot();
        s.id = UUID.randomUUID();
        s.participantId = p.id;
        s.centreId = p.centreId;
        s.recordedOn = request.recordedOn();
        s.occasion = request.occasion();
        s.note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        s.recordedBy = caller.subject();
        s.recordedAt = OffsetDateTime.now();
        int position = 0;
        for (TieRequest t : request.ties()) {
            NetworkTie tie = new NetworkTie();
            tie.id = UUID.randomUUID();
            tie.snapshot = s;
            tie.position = position++;
            tie.name = t.name().strip();
            tie.tieType = t.type();
            tie.formal = t.formal() != null ? t.formal() : Tie.formalByDefault(t.type());
            tie.supportKinds = new ArrayList<>(t.supportKinds().stream().sorted().map(Enum::name).toList());
            tie.contactFrequency = t.contactFrequency();
            tie.closeness = t.closeness();
            tie.note = t.note() == null || t.note().isBlank() ? null : t.note().strip();
            s.ties.add(tie);
        }
        s.persist();

        NetworkCounts counts = NetworkCounts.of(s.tiesAsDomain());
        outbox.publish(EventTypes.PARTICIPANT_NETWORK_RECORDED, p.id, new NetworkRecorded(p.id, p.centreId, s.id,
                s.recordedOn, counts.total(), counts.formal(), counts.informal(), counts.byType(), counts.bySupport()));
        audit.record(AuditOperation.NETWORK_RECORD, p.id, p.centreId);
        return Response.created(URI.create("/api/v1/participants/" + id + "/network-snapshots/" + s.id))
                .entity(SnapshotView.of(s)).build();
    }

    @GET
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR })
    @Operation(operationId = "listNetworkSnapshots", summary = "The participant's network snapshots, oldest first")
    @APIResponse(responseCode = "200", description = "The snapshots")
    @APIResponse(responseCode = "410", description = "The participant was erased")
    public List<SnapshotView> list(@PathParam("id") UUID id) {
        Participant p = registry.find(id);
        audit.record(AuditOperation.NETWORK_VIEW, p.id, p.centreId);
        return snapshots(p.id).stream().map(SnapshotView::of).toList();
    }

    @GET
    @Path("/compare")
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR })
    @Operation(operationId = "compareNetworkSnapshots",
            summary = "Ties gained, lost and kept by type between two snapshots (default: the first and the latest)")
    @APIResponse(responseCode = "200", description = "The comparison")
    @APIResponse(responseCode = "404", description = "No snapshots, or a snapshot id not of this participant")
    @APIResponse(responseCode = "410", description = "The participant was erased")
    public ComparisonView compare(@PathParam("id") UUID id,
            @Parameter(description = "Earlier snapshot id; the first one when absent",
                    example = "5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f") @QueryParam("from") String from,
            @Parameter(description = "Later snapshot id; the latest one when absent",
                    example = "7e8f9a0b-1c2d-4e3f-9a4b-5c6d7e8f9a0b") @QueryParam("to") String to) {
        UUID fromId = QueryParameters.uuid("from", from);
        UUID toId = QueryParameters.uuid("to", to);
        Participant p = registry.find(id);
        List<NetworkSnapshot> all = snapshots(p.id);
        if (all.isEmpty()) {
            throw ProblemException.notFound("network snapshots of participant", id);
        }
        NetworkSnapshot before = fromId == null ? all.get(0) : pick(all, fromId);
        NetworkSnapshot after = toId == null ? all.get(all.size() - 1) : pick(all, toId);
        audit.record(AuditOperation.NETWORK_COMPARE, p.id, p.centreId);
        return new ComparisonView(p.id, ref(before), ref(after),
                NetworkComparison.compare(before.tiesAsDomain(), after.tiesAsDomain()));
    }

    private static List<NetworkSnapshot> snapshots(UUID participantId) {
        return NetworkSnapshot.list("participantId = ?1 order by recordedOn, recordedAt", participantId);
    }

    private static NetworkSnapshot pick(List<NetworkSnapshot> all, UUID snapshotId) {
        return all.stream().filter(s -> s.id.equals(snapshotId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("network snapshot", snapshotId));
    }

    private static SnapshotRef ref(NetworkSnapshot s) {
        return new SnapshotRef(s.id, s.recordedOn, s.occasion);
    }
}
