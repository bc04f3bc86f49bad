package org.peercircle.assessment.fhir;

import java.math.BigDecimal;
import java.util.Map;

import org.peercircle.assessment.scoring.Scorer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Conventions shared by our FHIR R4 resources. */
public final class Fhir {

    public static final String MEDIA_TYPE = "application/fhir+json";
    static final String ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
    static final String TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";
    static final String PARTICIPANT_SYSTEM = "urn:peercircle:participant";
    static final String PRIMARY_LOCALE = "zh-CN";
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Fhir() {
    }

    /** The canonical URL of an instrument's Questionnaire (versions are told apart by {@code version}). */
    static String questionnaireUrl(String code) {
        return "urn:peercircle:instrument:" + code;
    }

    /** The code system of an item's answer options. */
    static String optionSystem(String code, String itemId) {
        return questionnaireUrl(code) + ":item:" + itemId;
    }

    /**
     * Sets {@code field} to the zh-CN text (or the first one there is) and the other locales as translation
     * extensions on the primitive's {@code _field} element.
     */
    static void localized(ObjectNode node, String field, Map<String, String> text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        String primary = text.containsKey(PRIMARY_LOCALE) ? PRIMARY_LOCALE : text.keySet().iterator().next();
        node.put(field, text.get(primary));
        ArrayNode translations = NODES.arrayNode();
        text.forEach((locale, value) -> {
            if (!locale.equals(primary)) {
                ObjectNode translation = translations.addObject().put("url", TRANSLATION);
                ArrayNode parts = translation.putArray("extension");
                parts.addObject().put("url", "lang").put("valueCode", locale);
                parts.addObject().put("url", "content").put("valueString", value);
            }
        });
        if (!translations.isEmpty()) {
            node.putObject("_" + field).set("extension", translations);
        }
    }

    /** A Coding for an answer option, its weight as the ordinalValue extension. */
    static ObjectNode coding(String system, BigDecimal value, Map<String, String> label, BigDecimal weight) {
        ObjectNode coding = NODES.objectNode();
        coding.putArray("extension").addObject().put("url", ORDINAL_VALUE).put("valueDecimal", weight);
        coding.put("system", system);
        coding.put("code", Scorer.plain(value));
        localized(coding, "display", label);
        return coding;
    }
}
