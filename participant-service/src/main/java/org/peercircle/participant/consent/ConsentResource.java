package org.peercircle.participant.consent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.participant.ConsentChanged;
import org.peercircle.contracts.participant.ConsentChanged.ConsentType;
import org.peercircle.contracts.participant.ConsentChanged.GivenBy;
import org.peercircle.participant.audit.AuditLog;
import org.peercircle.participant.audit.AuditOperation;
import org.peercircle.participant.participant.Participant;
import org.peercircle.participant.participant.ParticipantRegistry;
import org.peercircle.platform.outbox.Outbox;
import org.peercircle.platform.problem.Problem;
import org.peercircle.platform.problem.ProblemException;
import org.peercircle.platform.security.Caller;
import org.peercircle.platform.security.Roles;

/**
 * Service consent (taking part in the centre's groups) and analytics consent (being counted in reporting),
 * each given by the person or a proxy on a date, and withdrawn on a date. Every change publishes
 * {@code participant.consent-changed.v1}; reporting excludes people whose analytics consent is withdrawn.
 */
@Path("/api/v1/participants/{id}/consents")
@Tag(name = "Consent", description = "Service and analytics consent, given by the person or a proxy, and withdrawals")
public class ConsentResource {

    @Inject
    ParticipantRegistry registry;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @Schema(name = "Proxy", description = "Who consented on the person's behalf; stays in participant-service")
    public record Proxy(
            @Schema(examples = "李娟") @NotBlank @Size(max = 100) String name,
            @Schema(examples = "女儿") @NotBlank @Size(max = 30) String relation) {
    }

    @Schema(name = "ConsentGrant")
    public record GrantRequest(
            @Schema(examples = "SELF") @NotNull GivenBy givenBy,
            @Schema(examples = "2026-11-20") @NotNull @PastOrPresent LocalDate date,
            @Valid Proxy proxy,
            @Schema(examples = "签署纸质知情同意书，存档于中心") @Size(max = 2000) String note) {
    }

    @Schema(name = "ConsentWithdrawal")
    public record WithdrawalRequest(
            @Schema(examples = "PROXY", description = "Who withdrew it") @NotNull GivenBy givenBy,
            @Schema(examples = "2026-12-01") @NotNull @PastOrPresent LocalDate date,
            @Valid Proxy proxy,
            @Schema(examples = "家属电话告知不再同意数据用于研究") @Size(max = 2000) String note) {
    }

    @Schema(name = "ConsentEntry")
    public record ConsentEntry(ConsentType consentType, boolean granted, GivenBy givenBy, LocalDate effectiveDate,
            Proxy proxy, String note, String recordedBy, OffsetDateTime recordedAt) {
        static ConsentEntry of(ConsentRecord r) {
            return new ConsentEntry(r.consentType, r.granted, r.givenBy, r.effectiveDate,
                    r.proxyName == null ? null : new Proxy(r.proxyName, r.proxyRelation), r.note, r.recordedBy,
                    r.recordedAt.atZoneSameInstant(ParticipantRegistry.CENTRE_ZONE).toOffsetDateTime());
        }
    }

    @Schema(name = "Consents", description = "The consent in force per type (null: never recorded) and the history")
    public record ConsentsView(UUID participantId, ConsentEntry service, ConsentEntry analytics,
            List<ConsentEntry> history) {
    }

    @GET
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER })
    @Operation(operationId = "getConsents", summary = "The participant's consents in force and their history")
    @APIResponse(responseCode = "200", description = "The consents")
    @APIResponse(responseCode = "410", description = "The participant was erased")
    public ConsentsView get(@PathParam("id") UUID id) {
        Participant p = registry.find(id);
        audit.record(AuditOperation.CONSENT_VIEW, p.id, p.centreId);
        return view(p);
    }

    @PUT
    @Path("/{type}")
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER })
    @Operation(operationId = "grantConsent", summary = "Record that a consent was given (by the person or a proxy)")
    @APIResponse(responseCode = "200", description = "Recorded; participant.consent-changed.v1 published")
    @APIResponse(responseCode = "404", description = "Unknown participant or consent type")
    public ConsentsView grant(@PathParam("id") UUID id,
            @Parameter(description = "SERVICE or ANALYTICS", example = "ANALYTICS",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "SERVICE", "ANALYTICS" }))
            @PathParam("type") String type,
            @Valid @NotNull GrantRequest request) {
        ConsentType consentType = consentType(type);
        checkProxy(request.givenBy(), request.proxy());
        Participant p = registry.find(id);
        record(p, consentType, true, request.givenBy(), request.date(), request.proxy(), request.note());
        audit.record(AuditOperation.CONSENT_CHANGE, p.id, p.centreId);
        return view(p);
    }

    @POST
    @Path("/{type}/withdrawal")
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER })
    @Operation(operationId = "withdrawConsent",
            summary = "Record that a consent was withdrawn; withdrawn analytics consent removes the person from reporting")
    @APIResponse(responseCode = "200", description = "Recorded; participant.consent-changed.v1 published")
    @APIResponse(responseCode = "409", description = "The consent is not in force")
    public ConsentsView withdraw(@PathParam("id") UUID id,
            @Parameter(description = "SERVICE or ANALYTICS", example = "ANALYTICS",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "SERVICE", "ANALYTICS" }))
            @PathParam("type") String type,
            @Valid @NotNull WithdrawalRequest request) {
        ConsentType consentType = consentType(type);
        checkProxy(request.givenBy(), request.proxy());
        Participant p = registry.find(id);
        ConsentRecord current = current(p.id, consentType);
        if (current == null || !current.granted) {
            throw ProblemException.conflict(consentType + " consent is not in force, so it cannot be withdrawn");
        }
        if (request.date().isBefore(current.effectiveDate)) {
            throw ProblemException.invalid("date", "must not be before the consent was given (" + current.effectiveDate + ")");
        }
        record(p, consentType, false, request.givenBy(), request.date(), request.proxy(), request.note());
        audit.record(AuditOperation.CONSENT_CHANGE, p.id, p.centreId);
        return view(p);
    }

    private void record(Participant p, ConsentType type, boolean granted, GivenBy givenBy, LocalDate date, Proxy proxy,
            String note) {
        ConsentRecord r = new ConsentRecord();
        r.participantId = p.id;
        r.consentType = type;
        r.granted = granted;
        r.givenBy = givenBy;
        r.effectiveDate = date;
        r.proxyName = proxy == null ? null : proxy.name().strip();
        r.proxyRelation = proxy == null ? null : proxy.relation().strip();
        r.note = note == null || note.isBlank() ? null : note.strip();
        r.recordedBy = caller.subject();
        r.recordedAt = OffsetDateTime.now();
        r.persist();
        outbox.publish(EventTypes.PARTICIPANT_CONSENT_CHANGED, p.id,
                new ConsentChanged(p.id, p.centreId, type, granted, givenBy, date));
    }

    private static void checkProxy(GivenBy givenBy, Proxy proxy) {
        if (givenBy == GivenBy.PROXY && proxy == null) {
            throw ProblemException.invalid("proxy", "is required when a proxy acts for the person");
        }
        if (givenBy == GivenBy.SELF && proxy != null) {
            throw ProblemException.invalid("proxy", "must be empty when the person acts themself");
        }
    }

    private static ConsentType consentType(String value) {
        return Arrays.stream(ConsentType.values()).filter(t -> t.name().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new ProblemException(new Problem("not-found", "Not found", 404,
                        "consent type " + value + " was not found; use one of " + Arrays.toString(ConsentType.values()),
                        null)));
    }

    private static ConsentRecord current(UUID participantId, ConsentType type) {
        return ConsentRecord.<ConsentRecord>find("participantId = ?1 and consentType = ?2 order by seq desc",
                participantId, type).firstResult();
    }

    private static ConsentsView view(Participant p) {
        List<ConsentRecord> history = ConsentRecord.list("participantId = ?1 order by seq", p.id);
        ConsentEntry service = null;
        ConsentEntry analytics = null;
        List<ConsentEntry> entries = new ArrayList<>();
        for (ConsentRecord r : history) {
            ConsentEntry e = ConsentEntry.of(r);
            entries.add(e);
            if (r.consentType == ConsentType.SERVICE) {
                service = e;
            } else {
                analytics = e;
            }
        }
        return new ConsentsView(p.id, service, analytics, entries);
    }
}
