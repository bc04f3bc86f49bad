package org.peercircle.assessment.fhir;

import java.util.LinkedHashMap;
import java.util.Map;

import org.peercircle.assessment.scoring.AnswerOption;
import org.peercircle.assessment.scoring.Instrument;
import org.peercircle.assessment.scoring.Instrument.ItemGroup;
import org.peercircle.assessment.scoring.Item;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An instrument as an HL7 FHIR R4 Questionnaire: choice items whose answerOption Codings carry the keyed points as
 * {@code ordinalValue} (reverse keying already applied), multiple-choice items as {@code repeats}, item groups as
 * group items, the licence as {@code copyright} and the source as {@code description}.
 */
public final class QuestionnaireExport {

    private QuestionnaireExport() {
    }

    public static ObjectNode of(Instrument instrument) {
        ObjectNode q = Fhir.NODES.objectNode();
        q.put("resourceType", "Questionnaire");
        q.put("id", instrument.code() + "-" + instrument.version());
        q.put("language", Fhir.PRIMARY_LOCALE);
        q.put("url", Fhir.questionnaireUrl(instrument.code()));
        q.put("version", String.valueOf(instrument.version()));
        q.put("name", computableName(instrument.code()));
        Fhir.localized(q, "title", instrument.name());
        q.put("status", "active");
        q.put("experimental", false);
        q.put("publisher", "PeerCircle");
        q.put("description", instrument.source());
        q.put("copyright", instrument.licence());
        q.putArray("subjectType").add("Patient");

        ArrayNode items = q.putArray("item");
        Map<String, ArrayNode> groups = new LinkedHashMap<>();
        for (Item item : instrument.items()) {
            ArrayNode target = items;
            if (item.group() != null) {
                target = groups.computeIfAbsent(item.group(), id -> {
                    ObjectNode group = items.addObject();
                    group.put("linkId", id);
                    Fhir.localized(group, "text", instrument.groups().stream().filter(g -> g.id().equals(id))
                            .findFirst().map(ItemGroup::text).orElse(Map.of()));
                    group.put("type", "group");
                    return group.putArray("item");
                });
            }
            target.add(item(instrument, item));
        }
        return q;
    }

    private static ObjectNode item(Instrument instrument, Item item) {
        ObjectNode node = Fhir.NODES.objectNode();
        node.put("linkId", item.id());
        Fhir.localized(node, "text", item.text());
        node.put("type", "choice");
        node.put("required", item.required());
        node.put("repeats", item.multiple());
        ArrayNode options = node.putArray("answerOption");
        for (AnswerOption option : item.options()) {
            options.addObject().set("valueCoding", Fhir.coding(Fhir.optionSystem(instrument.code(), item.id()),
                    option.value(), option.label(), item.keyedPoints(option)));
        }
        return node;
    }

    /** FHIR wants a computer-friendly name: a capital letter, then letters, digits and underscores. */
    static String computableName(String code) {
        return code.replace('-', '_');
    }
}
