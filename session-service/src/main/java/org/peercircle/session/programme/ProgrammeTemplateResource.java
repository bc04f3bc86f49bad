package org.peercircle.session.programme;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.peercircle.platform.problem.Problem;
import org.peercircle.platform.problem.ProblemException;
import org.peercircle.platform.security.Roles;
import org.peercircle.session.group.GroupKind;

@Path("/api/v1/programme-templates")
@Tag(name = "Programme templates", description = "Ordered, themed session plans that groups are created from")
public class ProgrammeTemplateResource {

    @Schema(name = "ProgrammeTemplateRequest")
    public record TemplateRequest(
            @Schema(examples = "MEMORY_CAFE_4", description = "Upper-case code, unique")
            @NotNull @Pattern(regexp = "^[A-Z][A-Z0-9_]{2,49}$", message = "must be 3–50 upper-case letters, digits or _") String code,
            @NotNull @Valid Text name,
            @Valid Text description,
            @Schema(examples = "MUTUAL_AID_GROUP") @NotNull GroupKind groupKind,
            @NotEmpty @Size(max = 30) List<@NotNull @Valid SessionPlan> sessions) {
    }

    @Schema(name = "ProgrammeTemplate")
    public record TemplateView(String code, Text name, Text description, GroupKind groupKind, boolean builtIn,
            int plannedSessions, List<SessionPlan> sessions) {
        static TemplateView of(ProgrammeTemplate t) {
            return new TemplateView(t.code, new Text(t.nameZh, t.nameEn),
                    t.descriptionZh == null && t.descriptionEn == null ? null : new Text(t.descriptionZh, t.descriptionEn),
                    t.groupKind, t.builtIn, t.sessions.size(), t.sessions);
        }
    }

    @GET
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR, Roles.INTEGRATION })
    @Operation(operationId = "listProgrammeTemplates", summary = "Every programme template, built-in ones first")
    public List<TemplateView> list() {
        return ProgrammeTemplate.<ProgrammeTemplate>list("order by builtIn desc, code").stream().map(TemplateView::of)
                .toList();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR, Roles.INTEGRATION })
    @Operation(operationId = "getProgrammeTemplate", summary = "One programme template with its session plans")
    public TemplateView get(@PathParam("code") String code) {
        ProgrammeTemplate t = ProgrammeTemplate.findById(code);
        if (t == null) {
            throw ProblemException.notFound("programme template", code);
        }
        return TemplateView.of(t);
    }

    @POST
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER })
    @Operation(operationId = "createProgrammeTemplate",
            summary = "Add a programme template; its sessions are numbered in the order given, CHANGE before CONSOLIDATION")
    public Response create(@Valid @NotNull TemplateRequest request) {
        List<Problem.Violation> violations = new ArrayList<>();
        boolean consolidating = false;
        for (int i = 0; i < request.sessions().size(); i++) {
            Phase phase = request.sessions().get(i).phase();
            if (phase == Phase.CONSOLIDATION) {
                consolidating = true;
            } else if (consolidating) {
                violations.add(new Problem.Violation("sessions[" + i + "].phase",
                        "a CHANGE session cannot follow a CONSOLIDATION session"));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        if (ProgrammeTemplate.findById(request.code()) != null) {
            throw ProblemException.conflict("A programme template with code " + request.code() + " already exists");
        }
        ProgrammeTemplate t = new ProgrammeTemplate();
        t.code = request.code();
        t.nameZh = request.name().zh();
        t.nameEn = request.name().en();
        if (request.description() != null) {
            t.descriptionZh = request.description().zh();
            t.descriptionEn = request.description().en();
        }
        t.groupKind = request.groupKind();
        t.sessions = IntStream.range(0, request.sessions().size())
                .mapToObj(i -> request.sessions().get(i).numbered(i + 1)).toList();
        t.builtIn = false;
        t.createdAt = OffsetDateTime.now();
        t.persist();
        return Response.created(URI.create("/api/v1/programme-templates/" + t.code)).entity(TemplateView.of(t)).build();
    }
}
