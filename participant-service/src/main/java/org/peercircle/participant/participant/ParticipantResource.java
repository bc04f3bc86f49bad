package org.peercircle.participant.participant;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.peercircle.platform.security.Roles;

@Path("/api/v1/participants")
@Tag(name = "Participants", description = "People referred to a centre; personal data never leaves this service")
public class ParticipantResource {

    @Inject
    ParticipantRegistry registry;

    @POST
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.INTEGRATION })
    @Operation(operationId = "registerParticipant", summary = "Register a person referred to a centre")
    @APIResponse(responseCode = "201", description = "Registered; status REFERRED")
    @APIResponse(responseCode = "400", description = "A field is missing or invalid (problem+json naming it)")
    @APIResponse(responseCode = "404", description = "The centre does not exist or is not the caller's")
    public Response register(@Valid @NotNull RegistrationRequest request) {
        ParticipantView view = registry.register(request);
        return Response.created(URI.create("/api/v1/participants/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR, Roles.INTEGRATION })
    @Operation(operationId = "getParticipant", summary = "One participant, with personal data")
    public ParticipantView get(@PathParam("id") UUID id) {
        return registry.get(id);
    }
}
