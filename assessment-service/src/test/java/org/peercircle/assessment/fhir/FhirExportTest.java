package org.peercircle.assessment.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.peercircle.assessment.Fixtures.form;
import static org.peercircle.assessment.Fixtures.participant;
import static org.peercircle.assessment.Fixtures.socialWorker;
import static org.peercircle.assessment.Fixtures.submitted;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.peercircle.platform.security.Roles;
import org.peercircle.testing.Tokens;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Our FHIR output read back with HAPI FHIR's R4 structures and a strict parser, which refuses unknown elements,
 * wrong types and invalid primitive values, then checked for meaning.
 */
@QuarkusTest
class FhirExportTest {

    static final FhirContext R4 = FhirContext.forR4();
    static final String ORDINAL = "http://hl7.org/fhir/StructureDefinition/ordinalValue";

    static IParser strict() {
        IParser parser = R4.newJsonParser();
        parser.setParserErrorHandler(new StrictErrorHandler());
        return parser;
    }

    static Questionnaire questionnaire(String code) {
        String json = given().auth().oauth2(Tokens.of(Roles.SOCIAL_WORKER, UUID.randomUUID()))
                .get("/api/v1/instruments/" + code + "/fhir")
                .then().statusCode(200).contentType("application/fhir+json").extract().asString();
        return strict().parseResource(Questionnaire.class, json);
    }

    static BigDecimal ordinal(Coding coding) {
        return ((DecimalType) coding.getExtensionByUrl(ORDINAL).getValue()).getValue();
    }

    static QuestionnaireItemComponent item(Questionnaire q, String linkId) {
        return find(q.getItem(), linkId);
    }

    static QuestionnaireItemComponent find(List<QuestionnaireItemComponent> items, String linkId) {
        for (QuestionnaireItemComponent item : items) {
            if (item.getLinkId().equals(linkId)) {
                return item;
            }
            QuestionnaireItemComponent nested = item.hasItem() ? find(item.getItem(), linkId) : null;
            if (nested != null) {
                return nested;
            }
        }
        return null;
    }

    @ParameterizedTest
    @ValueSource(strings = { "UCLA-3", "DJG-6", "DJG-11", "GSE-10", "LSNS-6", "GDS-15", "SSRS", "ALIENATION-7", "NEEDS-GROUP",
            "SESSION-FEEDBACK" })
    void everyBuiltInIsAValidR4Questionnaire(String code) {
        Questionnaire q = questionnaire(code);
        String licence = given().auth().oauth2(Tokens.of(Roles.COORDINATOR)).get("/api/v1/instruments/" + code)
                .then().extract().path("licence");
        assertThat(q.getUrl()).isEqualTo("urn:peercircle:instrument:" + code);
        assertThat(q.getVersion()).isEqualTo("1");
        assertThat(q.getStatus()).isEqualTo(org.hl7.fhir.r4.model.Enumerations.PublicationStatus.ACTIVE);
        assertThat(q.getCopyright()).isEqualTo(licence);
        assertThat(q.getTitle()).isNotBlank();
        assertThat(q.getItem()).isNotEmpty().allSatisfy(item -> assertThat(item.getLinkId()).isNotBlank());
    }

    @Test
    void answerWeightsAreTheKeyedPointsReverseItemsIncluded() {
        Questionnaire gds = questionnaire("GDS-15");
        QuestionnaireItemComponent satisfied = item(gds, "1");
        assertThat(satisfied.getType()).isEqualTo(Questionnaire.QuestionnaireItemType.CHOICE);
        assertThat(satisfied.getText()).isEqualTo("您对自己的生活基本上满意吗？");
        assertThat(satisfied.getTextElement().getExtensionByUrl("http://hl7.org/fhir/StructureDefinition/translation"))
                .isNotNull();
        Coding yes = satisfied.getAnswerOption().get(0).getValueCoding();
        Coding no = satisfied.getAnswerOption().get(1).getValueCoding();
        assertThat(yes.getCode()).isEqualTo("1");
        assertThat(yes.getDisplay()).isEqualTo("是");
        assertThat(ordinal(yes)).isEqualByComparingTo("0");
        assertThat(ordinal(no)).isEqualByComparingTo("1");
        assertThat(ordinal(item(gds, "2").getAnswerOption().get(0).getValueCoding())).isEqualByComparingTo("1");

        Questionnaire djg = questionnaire("DJG-6");
        assertThat(item(djg, "2").getAnswerOption()).extracting(o -> ordinal(o.getValueCoding()))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO);
        assertThat(item(djg, "1").getAnswerOption()).extracting(o -> ordinal(o.getValueCoding()))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ONE);
    }

    @Test
    void ssrsKeepsItsFamilyGroupAndMultipleChoiceSourceItems() {
        Questionnaire ssrs = questionnaire("SSRS");
        QuestionnaireItemComponent family = item(ssrs, "5");
        assertThat(family.getType()).isEqualTo(Questionnaire.QuestionnaireItemType.GROUP);
        assertThat(family.getItem()).extracting(QuestionnaireItemComponent::getLinkId)
                .containsExactly("5A", "5B", "5C", "5D", "5E");
        QuestionnaireItemComponent sources = item(ssrs, "6");
        assertThat(sources.getRepeats()).isTrue();
        assertThat(sources.getAnswerOption()).hasSize(9)
                .allSatisfy(o -> assertThat(ordinal(o.getValueCoding())).isEqualByComparingTo("1"));
    }

    @Test
    void aFormIsAValidR4QuestionnaireResponse() {
        UUID centre = UUID.randomUUID();
        String worker = socialWorker(centre);
        UUID p = participant(centre);
        UUID id = submitted(worker, form(p, null, "SSRS", "PRE", """
                {"1": 3, "2": 4, "3": 2, "4": 3, "5A": 4, "5B": 1, "5C": 3, "5D": 2, "5E": 1,
                 "6": [1, 2, 3], "7": [], "8": 2, "9": 3, "10": 1}"""));
        QuestionnaireResponse response = response(worker, id);
        assertThat(response.getQuestionnaire()).isEqualTo("urn:peercircle:instrument:SSRS|1");
        assertThat(response.getStatus()).isEqualTo(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        assertThat(response.getSubject().getIdentifier().getValue()).isEqualTo(p.toString());
        assertThat(response.getSubject().getIdentifier().getSystem()).isEqualTo("urn:peercircle:participant");
        assertThat(response.getAuthored()).isNotNull();
        QuestionnaireResponseItemComponent six = response.getItem().stream().filter(i -> i.getLinkId().equals("6"))
                .findFirst().orElseThrow();
        assertThat(six.getAnswer()).extracting(a -> a.getValueCoding().getCode()).containsExactly("1", "2", "3");
        assertThat(response.getItem()).extracting(QuestionnaireResponseItemComponent::getLinkId).doesNotContain("7");
        QuestionnaireResponseItemComponent family = response.getItem().stream().filter(i -> i.getLinkId().equals("5"))
                .findFirst().orElseThrow();
        assertThat(family.getItem()).hasSize(5);
        assertThat(ordinal(family.getItem().get(0).getAnswer().get(0).getValueCoding())).isEqualByComparingTo("4");

        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("""
                        {"version": 0, "reason": "来源漏填", "answers": {"1": 3, "2": 4, "3": 2, "4": 3, "5A": 4,
                         "5B": 1, "5C": 3, "5D": 2, "5E": 1, "6": [1, 2, 3], "7": [1], "8": 2, "9": 3, "10": 1}}""")
                .post("/api/v1/administrations/" + id + "/amendments").then().statusCode(200);
        QuestionnaireResponse amended = response(worker, id);
        assertThat(amended.getStatus()).isEqualTo(QuestionnaireResponse.QuestionnaireResponseStatus.AMENDED);
        assertThat(amended.getItem()).extracting(QuestionnaireResponseItemComponent::getLinkId).contains("7");
        given().auth().oauth2(socialWorker(UUID.randomUUID())).get("/api/v1/administrations/" + id + "/fhir")
                .then().statusCode(404);
    }

    static QuestionnaireResponse response(String token, UUID id) {
        String json = given().auth().oauth2(token).get("/api/v1/administrations/" + id + "/fhir")
                .then().statusCode(200).contentType("application/fhir+json").extract().asString();
        return strict().parseResource(QuestionnaireResponse.class, json);
    }
}
