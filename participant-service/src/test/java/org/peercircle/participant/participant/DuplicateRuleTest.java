package org.peercircle.participant.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peercircle.participant.participant.DuplicateRule.Existing;
import org.peercircle.participant.participant.DuplicateRule.MatchedOn;

class DuplicateRuleTest {

    private final UUID first = UUID.randomUUID();
    private final UUID second = UUID.randomUUID();

    @Test
    void samePhoneIsADuplicateEvenUnderAnotherName() {
        var found = DuplicateRule.find("陈美华", "13800138000", List.of(new Existing(first, "王秀英", "13800138000")));
        assertThat(found).hasValueSatisfying(d -> {
            assertThat(d.existingId()).isEqualTo(first);
            assertThat(d.matchedOn()).containsExactlyInAnyOrder(MatchedOn.BIRTH_DATE, MatchedOn.PHONE);
        });
    }

    @Test
    void landlineSeparatorsDoNotHideTheSamePhone() {
        assertThat(DuplicateRule.find("陈美华", "020-12345678", List.of(new Existing(first, "王秀英", "02012345678"))))
                .isPresent();
    }

    @Test
    void similarNameWithAnotherPhoneIsADuplicate() {
        var found = DuplicateRule.find("王秀瑛", "13700137000", List.of(new Existing(first, "王秀英", "13800138000")));
        assertThat(found).hasValueSatisfying(d -> assertThat(d.matchedOn()).contains(MatchedOn.NAME)
                .doesNotContain(MatchedOn.PHONE));
    }

    @Test
    void theStrongestMatchIsNamed() {
        var found = DuplicateRule.find("王秀英", "13800138000", List.of(
                new Existing(first, "王秀瑛", "13700137000"),
                new Existing(second, "王秀英", "13800138000")));
        assertThat(found).hasValueSatisfying(d -> {
            assertThat(d.existingId()).isEqualTo(second);
            assertThat(d.matchedOn()).containsExactlyInAnyOrder(MatchedOn.BIRTH_DATE, MatchedOn.PHONE, MatchedOn.NAME);
        });
    }

    @Test
    void sameBirthDateAloneIsNotADuplicate() {
        assertThat(DuplicateRule.find("陈美华", "13700137000", List.of(new Existing(first, "王秀英", "13800138000"))))
                .isEmpty();
        assertThat(DuplicateRule.find("陈美华", "13700137000", List.of())).isEmpty();
    }
}
