package org.peercircle.participant.participant;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.peercircle.contracts.Cohort.LivingSituation;
import org.peercircle.participant.erasure.Erasure;
import org.peercircle.participant.paging.PageRequest;
import org.peercircle.participant.paging.QueryParameters;
import org.peercircle.participant.participant.Participant.Status;
import org.peercircle.platform.security.Roles;

import com.fasterxml.jackson.databind.JsonNode;

@Path("/api/v1/participants")
@Tag(name = "Participants", description = "People referred to a centre; personal data never leaves this service")
public class ParticipantResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    ParticipantRegistry registry;

    @Inject
    Erasure erasure;

    @POST
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.INTEGRATION })
    @Operation(operationId = "registerParticipant", summary = "Register a person referred to a centre")
    @APIResponse(responseCode = "201", description = "Registered; status REFERRED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ParticipantView.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid (problem+json naming it)")
    @APIResponse(responseCode = "404", description = "The centre does not exist or is not the caller's")
    @APIResponse(responseCode = "409", description = "Probably already registered: same centre and birth date, and "
            + "the same phone or a similar name; `existingParticipantId` names the record. Repeat with "
            + "confirmDuplicate=true if it is someone else")
    public Response register(
            @Parameter(description = "Register even though a probable duplicate exists", example = "false")
            @QueryParam("confirmDuplicate") String confirmDuplicate,
            @Valid @NotNull RegistrationRequest request) {
        boolean confirmed = Boolean.TRUE.equals(QueryParameters.bool("confirmDuplicate", confirmDuplicate));
        ParticipantView view = registry.register(request, confirmed);
        return Response.created(URI.create("/api/v1/participants/" + view.id())).entity(view).build();
    }

    @GET
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.INTEGRATION })
    @Operation(operationId = "listParticipants",
            summary = "Participants of the caller's centres, filtered and paged, newest registration first")
    public ParticipantPage list(
            @Parameter(description = "Only this centre", example = "0b7c4f2e-9a1d-4e63-8f25-6d3a1c9e4b70")
            @QueryParam("centreId") String centreId,
            @Parameter(description = "Lifecycle status", example = "ELIGIBLE") @QueryParam("status") String status,
            @Parameter(description = "Living situation", example = "ALONE")
            @QueryParam("livingSituation") String livingSituation,
            @Parameter(description = "Moved to the city at or after retirement age", example = "true")
            @QueryParam("migrant") String migrant,
            @Parameter(description = "Neighbourhood (exact, case-insensitive)", example = "天河北社区")
            @QueryParam("neighbourhood") String neighbourhood,
            @Parameter(description = "Part of a name, or digits of a phone number", example = "秀英")
            @QueryParam("q") String q,
            @Parameter(description = "Page number, from 0", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "Page size, 1 to 100", example = "20") @QueryParam("size") Integer size) {
        PageRequest pageRequest = PageRequest.of(page, size);
        ParticipantFilter filter = new ParticipantFilter(
                QueryParameters.uuid("centreId", centreId),
                QueryParameters.enumValue("status", status, Status.class),
                QueryParameters.enumValue("livingSituation", livingSituation, LivingSituation.class),
                QueryParameters.bool("migrant", migrant),
                neighbourhood, q);
        return registry.list(filter, pageRequest);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR, Roles.INTEGRATION })
    @Operation(operationId = "getParticipant", summary = "One participant, with personal data")
    @APIResponse(responseCode = "200", description = "The participant")
    @APIResponse(responseCode = "404", description = "Unknown, or in a centre the caller may not see")
    @APIResponse(responseCode = "410", description = "Erased: only the pseudonymous id remains")
    public ParticipantView get(@PathParam("id") UUID id) {
        return registry.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ MERGE_PATCH, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER })
    @Operation(operationId = "updateParticipant",
            summary = "Correct or update registration fields (JSON merge patch with the version last read)")
    @RequestBody(required = true, content = {
            @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = ParticipantPatch.class),
                    examples = @ExampleObject(name = "livingAlone", summary = "Her husband died; she now lives alone",
                            value = "{\"version\": 3, \"livingSituation\": \"ALONE\", \"interests\": [\"广场舞\", \"太极\"]}")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParticipantPatch.class),
                    examples = @ExampleObject(name = "newPhone", summary = "A new phone number",
                            value = "{\"version\": 3, \"phone\": \"13700137000\"}")) })
    @APIResponse(responseCode = "200", description = "Updated; cohort changes publish participant.cohort-changed.v1")
    @APIResponse(responseCode = "400", description = "A field is invalid, read-only or unknown")
    @APIResponse(responseCode = "409", description = "Stale version: someone else changed the record")
    @APIResponse(responseCode = "410", description = "Erased")
    public ParticipantView update(@PathParam("id") UUID id, JsonNode patch) {
        return registry.patch(id, patch);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "eraseParticipant",
            summary = "Erase a participant's personal data; the pseudonymous id stays as a tombstone")
    @APIResponse(responseCode = "204", description = "Erased; participant.erased.v1 published")
    @APIResponse(responseCode = "410", description = "Already erased")
    public Response erase(@PathParam("id") UUID id) {
        erasure.erase(id);
        return Response.noContent().build();
    }
}
