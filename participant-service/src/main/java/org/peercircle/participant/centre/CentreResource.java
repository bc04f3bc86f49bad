package org.peercircle.participant.centre;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.peercircle.platform.problem.ProblemException;
import org.peercircle.platform.security.Caller;
import org.peercircle.platform.security.Roles;

@Path("/api/v1/centres")
@Tag(name = "Centres", description = "Community centres, the unit of tenancy")
public class CentreResource {

    @Inject
    Caller caller;

    @Schema(name = "CentreRequest")
    public record CentreRequest(
            @Schema(examples = "T社区长者服务中心") @NotBlank @Size(max = 200) String name,
            @Schema(examples = "天河区") @NotBlank @Size(max = 100) String district,
            @Schema(examples = "天河路 88 号") @Size(max = 300) String address) {
    }

    @Schema(name = "Centre")
    public record CentreView(UUID id, String name, String district, String address) {
        static CentreView of(Centre c) {
            return new CentreView(c.id, c.name, c.district, c.address);
        }
    }

    @POST
    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "createCentre", summary = "Register a community centre")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CentreView.class)))
    @APIResponse(responseCode = "409", description = "A centre of that name exists")
    public Response create(@Valid @NotNull CentreRequest request) {
        if (Centre.count("lower(name) = ?1", request.name().toLowerCase()) > 0) {
            throw ProblemException.conflict("A centre named '" + request.name() + "' already exists");
        }
        Centre centre = new Centre();
        centre.id = UUID.randomUUID();
        centre.name = request.name().strip();
        centre.district = request.district().strip();
        centre.address = request.address();
        centre.createdAt = OffsetDateTime.now();
        centre.persist();
        return Response.created(URI.create("/api/v1/centres/" + centre.id)).entity(CentreView.of(centre)).build();
    }

    @GET
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR, Roles.ANALYST, Roles.INTEGRATION })
    @Operation(operationId = "listCentres", summary = "The centres the caller may see")
    public List<CentreView> list() {
        List<Centre> centres = caller.centreRestriction()
                .map(ids -> ids.isEmpty() ? List.<Centre>of() : Centre.<Centre>list("id in ?1 order by name", ids))
                .orElseGet(() -> Centre.list("order by name"));
        return centres.stream().map(CentreView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR, Roles.ANALYST, Roles.INTEGRATION })
    @Operation(operationId = "getCentre", summary = "One centre")
    public CentreView get(@PathParam("id") UUID id) {
        caller.requireCentre(id, "centre", id);
        Centre centre = Centre.findById(id);
        if (centre == null) {
            throw ProblemException.notFound("centre", id);
        }
        return CentreView.of(centre);
    }
}
