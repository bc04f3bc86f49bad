package org.peercircle.assessment.instrument;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.peercircle.assessment.fhir.Fhir;
import org.peercircle.assessment.fhir.QuestionnaireExport;
import org.peercircle.assessment.instrument.InstrumentLibrary.Outcome;
import org.peercircle.assessment.instrument.InstrumentLibrary.Resolved;
import org.peercircle.assessment.instrument.InstrumentLibrary.Summary;
import org.peercircle.assessment.scoring.Instrument;
import org.peercircle.assessment.scoring.InstrumentJson;
import org.peercircle.platform.security.Caller;
import org.peercircle.platform.security.Roles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

@Path("/api/v1/instruments")
@Tag(name = "Instruments", description = "Questionnaires and their scoring keys, versioned and immutable once used")
public class InstrumentResource {

    @Inject
    InstrumentLibrary library;

    @Inject
    Caller caller;

    @Schema(name = "InstrumentPage")
    public record Page(List<Summary> items, int page, int size, long total) {
    }

    @GET
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR, Roles.INTEGRATION })
    @Operation(operationId = "listInstruments", summary = "The instrument library: each instrument's latest version")
    public Page list(
            @Parameter(description = "Page number, from 0", example = "0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, 1-200", example = "50") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return new Page(library.list(page, size), page, size, library.count());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR, Roles.INTEGRATION })
    @Operation(operationId = "getInstrument",
            summary = "One instrument version (the latest unless ?version=) with its loaded wording and scoring key")
    @APIResponse(responseCode = "200", description = "The instrument version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Instrument.class)))
    @APIResponse(responseCode = "404", description = "No such instrument or version")
    public JsonNode get(@PathParam("code") String code,
            @Parameter(description = "A version other than the latest", example = "1") @QueryParam("version") @Min(1) Integer version) {
        return view(library.resolve(code, version));
    }

    @POST
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "defineInstrument", summary = "Define an instrument version (structure and scoring key)")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = Instrument.class),
            examples = @ExampleObject(name = "three-item scale", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Defined",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Instrument.class)))
    @APIResponse(responseCode = "200", description = "Identical to the stored version, or replaced an unused one",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Instrument.class)))
    @APIResponse(responseCode = "400", description = "Invalid definition; each problem named by its JSON path")
    @APIResponse(responseCode = "409", description = "The version is built in or already used; define a new version")
    public Response define(@NotNull JsonNode definition) {
        InstrumentLibrary.Defined defined = library.define(definition, caller.subject());
        JsonNode body = view(library.resolve(defined.instrument().code(), defined.instrument().version()));
        if (defined.outcome() == Outcome.CREATED) {
            return Response.created(URI.create("/api/v1/instruments/" + defined.instrument().code() + "?version="
                    + defined.instrument().version())).entity(body).build();
        }
        return Response.ok(body).build();
    }

    @PUT
    @Path("/{code}/versions/{version}/texts/{locale}")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "loadInstrumentTexts",
            summary = "Load the wording of an instrument version in one locale (replaces that locale's wording)")
    @APIResponse(responseCode = "200", description = "The instrument with the wording applied",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Instrument.class)))
    @APIResponse(responseCode = "400", description = "Unknown item, option value or group, or a bad locale")
    @APIResponse(responseCode = "404", description = "No such instrument version")
    public JsonNode loadTexts(@PathParam("code") String code, @PathParam("version") int version,
            @PathParam("locale") String locale, @Valid @NotNull InstrumentTexts texts) {
        return view(library.loadTexts(code, version, locale, texts, caller.subject()));
    }

    @GET
    @Path("/{code}/fhir")
    @Produces({ Fhir.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR, Roles.INTEGRATION })
    @Operation(operationId = "getInstrumentAsFhirQuestionnaire",
            summary = "The instrument version as an HL7 FHIR R4 Questionnaire (answer weights as ordinalValue)")
    @APIResponse(responseCode = "200", description = "A FHIR R4 Questionnaire resource",
            content = @Content(mediaType = Fhir.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such instrument or version")
    public Response fhir(@PathParam("code") String code,
            @Parameter(description = "A version other than the latest", example = "1") @QueryParam("version") @Min(1) Integer version) {
        Resolved resolved = library.resolve(code, version);
        return Response.ok(QuestionnaireExport.of(resolved.instrument()).toString())
                .type(Fhir.MEDIA_TYPE).build();
    }

    /** The definition with its wording, plus what a client needs to know about the version. */
    static JsonNode view(Resolved resolved) {
        ObjectNode node = (ObjectNode) InstrumentJson.tree(resolved.instrument());
        node.put("builtIn", resolved.stored().builtIn);
        node.put("inUse", resolved.stored().used());
        node.putPOJO("versions", StoredInstrument.versions(resolved.stored().code));
        node.putPOJO("loadedLocales", resolved.loadedLocales());
        return node;
    }

    static final String EXAMPLE = """
            {"code": "CENTRE-MOOD-3", "version": 1,
             "name": {"zh-CN": "心情小问卷", "en": "Mood check"},
             "source": "T社区长者服务中心", "licence": "Ours, free to use",
             "optionSets": {"freq": [
               {"value": 1, "label": {"zh-CN": "从不", "en": "Never"}},
               {"value": 2, "label": {"zh-CN": "有时", "en": "Sometimes"}},
               {"value": 3, "label": {"zh-CN": "经常", "en": "Often"}}]},
             "items": [
               {"id": "1", "optionSet": "freq", "text": {"zh-CN": "我感到心情愉快", "en": "I feel cheerful"}, "reverse": true},
               {"id": "2", "optionSet": "freq", "text": {"zh-CN": "我感到孤单", "en": "I feel alone"}},
               {"id": "3", "optionSet": "freq", "text": {"zh-CN": "我感到紧张", "en": "I feel tense"}}],
             "scoring": {"reverseKeying": "MIRROR",
               "total": {"code": "total", "method": "SUM", "range": {"min": 3, "max": 9},
                         "missing": {"rule": "PRORATE", "minAnswered": 2}}},
             "higherIsWorse": true, "reliability": 0.7,
             "bands": [{"code": "LOW", "label": {"zh-CN": "低", "en": "Low"}, "min": 3, "max": 5},
                       {"code": "HIGH", "label": {"zh-CN": "高", "en": "High"}, "min": 6, "max": 9}]}
            """;
}
