package org.peercircle.participant.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.peercircle.contracts.Cohort.AgeBand;
import org.peercircle.participant.audit.AuditLog;
import org.peercircle.participant.audit.AuditOperation;
import org.peercircle.participant.participant.CohortRules;
import org.peercircle.participant.participant.Participant;
import org.peercircle.participant.participant.Participant.Status;
import org.peercircle.participant.participant.ParticipantRegistry;
import org.peercircle.platform.problem.ProblemException;
import org.peercircle.platform.security.Roles;

@Path("/api/v1/participants/{id}/peer-matches")
@Tag(name = "Peer matching", description = "Who in the same centre this person may get on with, and why")
public class PeerMatchResource {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 50;

    @Inject
    ParticipantRegistry registry;

    @Inject
    AuditLog audit;

    @Schema(name = "PeerMatch")
    public record PeerMatchView(UUID participantId, String fullName, AgeBand ageBand, String neighbourhood,
            Status status, int score, List<PeerRanking.Reason> reasons) {
    }

    @Schema(name = "PeerMatches")
    public record PeerMatchesView(UUID participantId, List<PeerMatchView> matches) {
    }

    @GET
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR })
    @Operation(operationId = "listPeerMatches",
            summary = "Other participants of the same centre ranked by hometown, dialect, interests, neighbourhood and age")
    @APIResponse(responseCode = "200", description = "The matches, best first")
    @APIResponse(responseCode = "410", description = "The participant was erased")
    public PeerMatchesView matches(@PathParam("id") UUID id,
            @Parameter(description = "How many matches, 1 to 50", example = "10") @QueryParam("limit") Integer limit) {
        int max = limit == null ? DEFAULT_LIMIT : limit;
        if (max < 1 || max > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        Participant subject = registry.find(id);
        // withdrawn people have left; erased ones have no profile left to match on
        List<Participant> others = Participant.list(
                "centreId = ?1 and id <> ?2 and erasedAt is null and status <> ?3", subject.centreId, subject.id,
                Status.WITHDRAWN);
        LocalDate today = ParticipantRegistry.today();
        List<PeerRanking.Match> ranked = PeerRanking.rank(profile(subject),
                others.stream().map(PeerMatchResource::profile).toList(), today, max);

        Map<UUID, Participant> byId = others.stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
        List<PeerMatchView> matches = new ArrayList<>();
        List<AuditLog.Subject> read = new ArrayList<>(List.of(new AuditLog.Subject(subject.id, subject.centreId)));
        for (PeerRanking.Match m : ranked) {
            Participant p = byId.get(m.participantId());
            matches.add(new PeerMatchView(p.id, p.fullName, CohortRules.ageBand(p.birthDate, today), p.neighbourhood,
                    p.status, m.score(), m.reasons()));
            read.add(new AuditLog.Subject(p.id, p.centreId)); // their names and neighbourhoods were shown too
        }
        audit.record(AuditOperation.PEER_MATCH, read);
        return new PeerMatchesView(subject.id, matches);
    }

    private static PeerRanking.Profile profile(Participant p) {
        return new PeerRanking.Profile(p.id, p.hometownProvince, p.hometownCity, p.dialects, p.interests,
                p.neighbourhood, p.birthDate);
    }
}
