package org.peercircle.reporting.rebuild;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.peercircle.platform.problem.ProblemException;
import org.peercircle.platform.security.Caller;
import org.peercircle.platform.security.Roles;

@Path("/api/v1/rebuilds")
@Tag(name = "Rebuild", description = "Replay every topic into fresh read-model tables and swap them in")
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {

    private static final Logger LOG = Logger.getLogger(RebuildResource.class);

    @Inject
    ReadModelRebuild rebuild;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.COORDINATOR)
    @APIResponse(responseCode = "202", description = "Started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReadModelRebuild.Run.class)))
    @Operation(operationId = "startRebuild", summary = "Start rebuilding every read model from the topics (202; "
            + "409 while one runs); figures stay served from the current tables until the swap")
    public Response start() {
        ReadModelRebuild.Run run = rebuild.start();
        LOG.infof("Read model rebuild %s requested by %s", run.id(), caller.subject());
        return Response.accepted(run).location(URI.create("/api/v1/rebuilds/" + run.id())).build();
    }

    @GET
    @Path("{rebuildId}")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "getRebuild", summary = "State of a rebuild: RUNNING, COMPLETED or FAILED")
    public ReadModelRebuild.Run get(
            @Parameter(example = "0b6f3c52-3f7e-4e0c-9a7a-1c2d3e4f5a6b") @PathParam("rebuildId") UUID rebuildId) {
        return rebuild.find(rebuildId).orElseThrow(() -> ProblemException.notFound("rebuild", rebuildId));
    }
}
