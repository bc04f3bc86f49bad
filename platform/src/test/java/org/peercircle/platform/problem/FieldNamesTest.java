package org.peercircle.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Clients fix their request by the field name we give them, so it must be the JSON path they sent. */
class FieldNamesTest {

    record Condition(@NotBlank String instrumentCode, @Min(0) int threshold) {
    }

    record Contact(@NotBlank String phone) {
    }

    record Rule(@NotNull String combine, List<@Valid Condition> conditions, List<@NotBlank String> tags,
            @Valid Contact contact, Map<String, @Min(1) Integer> weights) {
    }

    static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    static List<String> fields(Object bean) {
        return VALIDATOR.validate(bean).stream().map(ProblemMappers::fieldOf).sorted().collect(Collectors.toList());
    }

    @Test
    void aPropertyOfAListElementIsNamedAfterItsIndex() {
        Rule rule = new Rule("ANY", List.of(new Condition("UCLA-3", 3), new Condition("", -1)), List.of(), null, Map.of());
        assertThat(fields(rule)).containsExactly("conditions[1].instrumentCode", "conditions[1].threshold");
    }

    @Test
    void aListElementItselfIsNamedByItsIndex() {
        Rule rule = new Rule("ANY", List.of(), List.of("ok", " "), null, Map.of());
        assertThat(fields(rule)).containsExactly("tags[1]");
    }

    @Test
    void nestedObjectsAndMapValuesKeepTheirPath() {
        Rule rule = new Rule(null, List.of(), List.of(), new Contact(""), Map.of("family", 0));
        assertThat(fields(rule)).containsExactly("combine", "contact.phone", "weights[family]");
    }
}
