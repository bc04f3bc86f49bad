package org.peercircle.participant.screening;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.peercircle.participant.centre.Centre;
import org.peercircle.participant.participant.ParticipantRegistry;
import org.peercircle.participant.screening.EligibilityRule.Combinator;
import org.peercircle.participant.screening.EligibilityRule.Condition;
import org.peercircle.participant.screening.EligibilityRule.Operator;
import org.peercircle.platform.problem.ProblemException;
import org.peercircle.platform.security.Caller;
import org.peercircle.platform.security.Roles;

import io.quarkus.hibernate.orm.panache.Panache;

@Path("/api/v1/centres/{id}/eligibility-rule")
@Tag(name = "Screening", description = "Eligibility rules, automatic and manual screening decisions")
public class EligibilityRuleResource {

    @Inject
    Caller caller;

    @Schema(name = "EligibilityRuleRequest")
    public record EligibilityRuleRequest(
            @Schema(examples = "ANY", description = "ANY: one met condition suffices; ALL: every condition must be met")
            @NotNull Combinator combinator,
            @NotEmpty @Size(max = 10) List<@Valid @NotNull ConditionRequest> conditions,
            @Schema(examples = "0", description = "Required when replacing an existing rule: the version last read")
            Long version) {
    }

    @Schema(name = "EligibilityConditionRequest")
    public record ConditionRequest(
            @Schema(examples = "ALIENATION-7", description = "Instrument code as assessment-service publishes it")
            @NotBlank @Size(max = 50) @Pattern(regexp = "^[A-Za-z0-9_.-]+$", message = "may hold letters, digits, '_', '.' and '-' only")
            String instrumentCode,
            @Schema(examples = "interpersonal", description = "A subscale of the instrument; absent for the total score")
            @Size(max = 50) String subscale,
            @Schema(examples = "GTE") @NotNull Operator operator,
            @Schema(examples = "20") @NotNull Double threshold) {
    }

    @Schema(name = "EligibilityRule")
    public record EligibilityRuleView(UUID centreId, Combinator combinator, List<Condition> conditions,
            @Schema(examples = "ALIENATION-7 ≥ 20 或 UCLA-LS3 ≥ 45") String summary,
            @Schema(examples = "ALIENATION-7 ≥ 20 or UCLA-LS3 ≥ 45") String summaryEn,
            long version, String updatedBy, OffsetDateTime updatedAt) {

        static EligibilityRuleView of(CentreEligibilityRule r) {
            EligibilityRule rule = r.rule();
            return new EligibilityRuleView(r.centreId, rule.combinator(), rule.conditions(), rule.describe(),
                    rule.describeInEnglish(), r.version, r.updatedBy,
                    r.updatedAt.atZoneSameInstant(ParticipantRegistry.CENTRE_ZONE).toOffsetDateTime());
        }
    }

    @PUT
    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "putEligibilityRule",
            summary = "Set or replace a centre's eligibility rule, applied to each SCREENING assessment that arrives")
    @APIResponse(responseCode = "200", description = "The rule as stored")
    @APIResponse(responseCode = "409", description = "Stale version")
    public EligibilityRuleView put(@PathParam("id") UUID centreId, @Valid @NotNull EligibilityRuleRequest request) {
        requireCentre(centreId);
        CentreEligibilityRule stored = CentreEligibilityRule.findById(centreId);
        if (stored == null) {
            stored = new CentreEligibilityRule();
            stored.centreId = centreId;
        } else if (request.version() == null) {
            throw ProblemException.invalid("version", "is required when replacing a rule: the version you last read");
        } else if (request.version() != stored.version) {
            throw ProblemException.conflict("The rule was changed by someone else since version " + request.version()
                    + "; reload it and apply your change again").with("currentVersion", stored.version);
        }
        stored.setRule(new EligibilityRule(request.combinator(), request.conditions().stream()
                .map(c -> new Condition(c.instrumentCode().strip(),
                        c.subscale() == null || c.subscale().isBlank() ? null : c.subscale().strip(), c.operator(),
                        c.threshold()))
                .toList()));
        stored.updatedBy = caller.subject();
        stored.updatedAt = OffsetDateTime.now();
        stored.persist();
        Panache.getEntityManager().flush();
        return EligibilityRuleView.of(stored);
    }

    @GET
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER })
    @Operation(operationId = "getEligibilityRule", summary = "A centre's eligibility rule")
    @APIResponse(responseCode = "200", description = "The rule")
    @APIResponse(responseCode = "404", description = "Unknown centre, another centre, or no rule configured yet")
    public EligibilityRuleView get(@PathParam("id") UUID centreId) {
        requireCentre(centreId);
        CentreEligibilityRule stored = CentreEligibilityRule.findById(centreId);
        if (stored == null) {
            throw ProblemException.notFound("eligibility rule of centre", centreId);
        }
        return EligibilityRuleView.of(stored);
    }

    private void requireCentre(UUID centreId) {
        caller.requireCentre(centreId, "centre", centreId);
        if (Centre.findById(centreId) == null) {
            throw ProblemException.notFound("centre", centreId);
        }
    }
}
