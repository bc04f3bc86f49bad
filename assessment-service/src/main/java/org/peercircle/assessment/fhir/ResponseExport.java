package org.peercircle.assessment.fhir;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.peercircle.assessment.scoring.Answer;
import org.peercircle.assessment.scoring.Instrument;
import org.peercircle.assessment.scoring.Item;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A completed form as an HL7 FHIR R4 QuestionnaireResponse: each answered item with the chosen option's Coding (and
 * its ordinalValue), grouped like the Questionnaire; the subject is the pseudonymous participant id, never a name.
 * An amended form has status {@code amended}.
 */
public final class ResponseExport {

    private ResponseExport() {
    }

    public record Form(UUID id, UUID participantId, OffsetDateTime administeredAt, int revision,
            Map<String, Answer> answers) {
    }

    public static ObjectNode of(Instrument instrument, Form form) {
        ObjectNode r = Fhir.NODES.objectNode();
        r.put("resourceType", "QuestionnaireResponse");
        r.put("id", form.id().toString());
        r.put("language", Fhir.PRIMARY_LOCALE);
        r.put("questionnaire", Fhir.questionnaireUrl(instrument.code()) + "|" + instrument.version());
        r.put("status", form.revision() == 0 ? "completed" : "amended");
        r.putObject("subject").putObject("identifier").put("system", Fhir.PARTICIPANT_SYSTEM)
                .put("value", form.participantId().toString());
        r.put("authored", form.administeredAt().toString());

        ArrayNode items = r.putArray("item");
        Map<String, ArrayNode> groups = new LinkedHashMap<>();
        for (Item item : instrument.items()) {
            List<BigDecimal> chosen = chosen(form.answers().get(item.id()));
            if (chosen.isEmpty()) {
                continue; // unanswered, or "none of these": FHIR has no empty answer
            }
            ArrayNode target = item.group() == null ? items : groups.computeIfAbsent(item.group(),
                    id -> items.addObject().put("linkId", id).putArray("item"));
            ObjectNode node = target.addObject();
            node.put("linkId", item.id());
            ArrayNode answers = node.putArray("answer");
            for (BigDecimal value : chosen) {
                var option = item.option(value).orElseThrow();
                answers.addObject().set("valueCoding", Fhir.coding(Fhir.optionSystem(instrument.code(), item.id()),
                        option.value(), option.label(), item.keyedPoints(option)));
            }
        }
        return r;
    }

    private static List<BigDecimal> chosen(Answer answer) {
        if (answer == null) {
            return List.of();
        }
        return answer instanceof Answer.Multiple m ? m.values() : List.of(((Answer.Single) answer).value());
    }
}
