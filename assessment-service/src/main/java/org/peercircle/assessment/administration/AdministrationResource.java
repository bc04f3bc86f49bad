package org.peercircle.assessment.administration;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.peercircle.assessment.fhir.Fhir;
import org.peercircle.platform.security.Roles;

@Path("/api/v1/administrations")
@Tag(name = "Administrations", description = "Completed forms, validated and scored on the server")
public class AdministrationResource {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    @Inject
    Administrations administrations;

    @POST
    @RolesAllowed({ Roles.SOCIAL_WORKER, Roles.FACILITATOR, Roles.INTEGRATION })
    @Operation(operationId = "submitAdministration", summary = "Submit a completed form; it is validated and scored")
    @APIResponse(responseCode = "201", description = "Stored and scored (also for a replay of the same "
            + "Idempotency-Key, then with header Idempotent-Replayed: true)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdministrationView.class)))
    @APIResponse(responseCode = "400", description = "Unknown instrument or item, a value that is not an option, "
            + "or too few answers for the missing-item rule; each offending item named")
    @APIResponse(responseCode = "404", description = "The participant (or group) is unknown or in another centre")
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used for a different submission")
    @APIResponse(responseCode = "410", description = "The participant was erased")
    public Response submit(
            @Parameter(in = ParameterIn.HEADER, name = IDEMPOTENCY_KEY, example = "tablet-7-2026-03-02-0015",
                    description = "Makes a retried submission return the first one's result instead of storing twice")
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @Valid @NotNull AdministrationRequest request) {
        Administrations.Submitted submitted = administrations.submit(request, idempotencyKey);
        Response.ResponseBuilder response = Response.created(URI.create("/api/v1/administrations/"
                + submitted.view().id())).entity(submitted.view());
        if (submitted.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR, Roles.INTEGRATION })
    @Operation(operationId = "getAdministration", summary = "One administration with its scores and revisions")
    @APIResponse(responseCode = "200", description = "The administration")
    @APIResponse(responseCode = "404", description = "Unknown, or in another centre")
    public AdministrationView get(@PathParam("id") UUID id) {
        return administrations.get(id);
    }

    @GET
    @Path("/{id}/fhir")
    @Produces({ Fhir.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR, Roles.INTEGRATION })
    @Operation(operationId = "getAdministrationAsFhirQuestionnaireResponse",
            summary = "The administration (current revision) as an HL7 FHIR R4 QuestionnaireResponse")
    @APIResponse(responseCode = "200", description = "A FHIR R4 QuestionnaireResponse resource",
            content = @Content(mediaType = Fhir.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Unknown, or in another centre")
    public Response fhir(@PathParam("id") UUID id) {
        return Response.ok(administrations.asFhir(id).toString()).type(Fhir.MEDIA_TYPE).build();
    }

    @POST
    @Path("/{id}/amendments")
    @RolesAllowed({ Roles.SOCIAL_WORKER, Roles.FACILITATOR, Roles.INTEGRATION })
    @Operation(operationId = "amendAdministration",
            summary = "Correct a completed form; it is scored again and the earlier revisions are kept")
    @APIResponse(responseCode = "200", description = "The amended administration (revision and version increased)")
    @APIResponse(responseCode = "400", description = "Invalid answers, each offending item named")
    @APIResponse(responseCode = "404", description = "Unknown, or in another centre")
    @APIResponse(responseCode = "409", description = "The version is stale: someone amended it meanwhile")
    public AdministrationView amend(@PathParam("id") UUID id, @Valid @NotNull AmendmentRequest request) {
        return administrations.amend(id, request);
    }
}
