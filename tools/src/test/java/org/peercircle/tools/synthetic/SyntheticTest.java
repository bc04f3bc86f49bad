package org.peercircle.tools.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

class SyntheticTest {

    private static final String[] PLACES = { "T社区翠园小区", "T社区华景新城" };
    /** participant-service's RegistrationRequest.PHONE */
    private static final String PHONE = "^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$";

    @Test
    void aFixedSeedGivesTheSamePeople() {
        Synthetic a = new Synthetic(new Random(42));
        Synthetic b = new Synthetic(new Random(42));
        for (int i = 0; i < 50; i++) {
            assertThat(a.anyone(PLACES)).isEqualTo(b.anyone(PLACES));
        }
    }

    @Test
    void oldDriftersMovedAtOrAfterRetirementAgeSoParticipantServiceCountsThemAsMigrants() {
        Synthetic people = new Synthetic(new Random(3));
        for (int i = 0; i < 500; i++) {
            Person p = people.oldDrifter(PLACES, "COMMUNITY_WORKER");
            int ageAtMove = p.movedToCityYear() - p.birthDate().getYear();
            assertThat(ageAtMove).isGreaterThanOrEqualTo(p.gender().equals("MALE") ? 60 : 50);
            assertThat(p.livingSituation()).isIn("WITH_GRANDCHILDREN", "WITH_CHILDREN");
            assertThat(p.hometownProvince()).isNotBlank();
            assertThat(p.movedToCityYear()).isLessThanOrEqualTo(2026);
        }
    }

    @Test
    void phoneNumbersAndNamesFitWhatParticipantServiceAccepts() {
        Synthetic people = new Synthetic(new Random(5));
        for (int i = 0; i < 1000; i++) {
            Person p = people.anyone(PLACES);
            assertThat(p.phone()).matches(PHONE);
            assertThat(p.contactPhone()).matches(PHONE);
            assertThat(p.fullName()).hasSizeBetween(2, 4);
            assertThat(p.contactRelation()).isIn("女儿", "儿子");
            assertThat(p.contactName()).startsWith(p.fullName().substring(0, Synthetic.surnameLength(p.fullName())));
            assertThat(p.birthDate().getYear()).isBetween(1936, 1962);
        }
    }

    @Test
    void theRegistrationCarriesTheRequiredFields() {
        Person p = new Synthetic(new Random(9)).villagerLivingAlone(PLACES, "NEIGHBOUR");
        UUID centre = UUID.randomUUID();
        ObjectNode r = p.registration(centre);
        assertThat(r.get("centreId").asText()).isEqualTo(centre.toString());
        for (String field : new String[] { "fullName", "gender", "birthDate", "phone", "livingSituation", "referralSource" }) {
            assertThat(r.path(field).asText()).as(field).isNotBlank();
        }
        assertThat(r.get("livingSituation").asText()).isEqualTo("ALONE");
        assertThat(r.get("emergencyContact").get("relation").asText()).isIn("女儿", "儿子");
    }

    @Test
    void familiarNamesAreHowGroupMembersCallEachOther() {
        Person woman = new Person("王秀英", "FEMALE", null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
        Person man = new Person("欧阳建国", "MALE", null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
        assertThat(woman.familiarName()).isEqualTo("王阿姨");
        assertThat(man.familiarName()).isEqualTo("欧阳叔");
    }
}
