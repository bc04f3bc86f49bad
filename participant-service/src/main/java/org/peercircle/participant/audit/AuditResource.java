package org.peercircle.participant.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.peercircle.participant.participant.ParticipantRegistry;
import org.peercircle.participant.paging.PageRequest;
import org.peercircle.participant.paging.QueryParameters;
import org.peercircle.platform.problem.ProblemException;
import org.peercircle.platform.security.Roles;

import io.quarkus.panache.common.Sort;

@Path("/api/v1/audit-log")
@Tag(name = "Audit", description = "Who read whose personal data, for coordinators")
public class AuditResource {

    @Schema(name = "AuditEntry")
    public record AuditEntryView(long id, OffsetDateTime occurredAt, String subject, String role,
            AuditOperation operation, UUID participantId, UUID centreId) {
        static AuditEntryView of(AuditEntry e) {
            return new AuditEntryView(e.id, e.occurredAt.atZoneSameInstant(ParticipantRegistry.CENTRE_ZONE).toOffsetDateTime(), e.subject,
                    e.role, e.operation, e.participantId, e.centreId);
        }
    }

    @Schema(name = "AuditPage")
    public record AuditPage(List<AuditEntryView> items, int page, int size, long totalItems, int totalPages) {
    }

    @GET
    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "listAuditEntries",
            summary = "Accesses to personal data, newest first, filtered by participant, user, operation and dates")
    public AuditPage list(
            @Parameter(description = "Only accesses to this participant", example = "3f0e6a8c-2f4b-4d7e-9a51-0c2d8e1b7a90")
            @QueryParam("participantId") String participantId,
            @Parameter(description = "Only accesses by this user (token subject)", example = "li.socialworker")
            @QueryParam("subject") String subject,
            @Parameter(description = "Only this operation", example = "VIEW") @QueryParam("operation") String operation,
            @Parameter(description = "From this day (Asia/Shanghai), inclusive", example = "2026-11-01")
            @QueryParam("from") String from,
            @Parameter(description = "Up to this day (Asia/Shanghai), inclusive", example = "2026-11-30")
            @QueryParam("to") String to,
            @Parameter(description = "Page number, from 0", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "Page size, 1 to 100", example = "50") @QueryParam("size") Integer size) {
        PageRequest pageRequest = PageRequest.of(page, size);
        UUID participant = QueryParameters.uuid("participantId", participantId);
        AuditOperation op = QueryParameters.enumValue("operation", operation, AuditOperation.class);
        LocalDate fromDay = QueryParameters.date("from", from);
        LocalDate toDay = QueryParameters.date("to", to);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            throw ProblemException.invalid("to", "must not be before 'from'");
        }

        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (participant != null) {
            where.add("participantId = :participant");
            params.put("participant", participant);
        }
        if (subject != null && !subject.isBlank()) {
            where.add("subject = :subject");
            params.put("subject", subject.strip());
        }
        if (op != null) {
            where.add("operation = :operation");
            params.put("operation", op);
        }
        if (fromDay != null) {
            where.add("occurredAt >= :from");
            params.put("from", fromDay.atStartOfDay(ParticipantRegistry.CENTRE_ZONE).toOffsetDateTime());
        }
        if (toDay != null) {
            where.add("occurredAt < :to");
            params.put("to", toDay.plusDays(1).atStartOfDay(ParticipantRegistry.CENTRE_ZONE).toOffsetDateTime());
        }
        String query = where.isEmpty() ? "" : String.join(" and ", where);
        var found = AuditEntry.<AuditEntry>find(query, Sort.descending("id"), params);
        List<AuditEntryView> items = found.page(io.quarkus.panache.common.Page.of(pageRequest.page(), pageRequest.size()))
                .list().stream().map(AuditEntryView::of).toList();
        long total = found.count();
        return new AuditPage(items, pageRequest.page(), pageRequest.size(), total, pageRequest.totalPages(total));
    }
}
