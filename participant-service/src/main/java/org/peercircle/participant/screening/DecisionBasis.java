package org.peercircle.participant.screening;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.peercircle.participant.screening.EligibilityRule.Combinator;
import org.peercircle.participant.screening.EligibilityRule.ConditionResult;

/**
 * Why an automatic decision came out as it did: the rule as it stood, each condition with the score it saw,
 * and the assessment event that triggered the evaluation.
 */
@Schema(name = "DecisionBasis")
public record DecisionBasis(
        String rule,
        Combinator combinator,
        List<ConditionResult> conditions,
        UUID eventId,
        String eventType,
        UUID administrationId,
        int revision,
        String instrumentCode) {
}
