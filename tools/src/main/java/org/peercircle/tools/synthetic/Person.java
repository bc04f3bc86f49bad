package org.peercircle.tools.synthetic;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.peercircle.tools.api.Api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A synthetic person as a social worker would register them (participant-service's RegistrationRequest). */
public record Person(String fullName, String gender, LocalDate birthDate, String phone, String neighbourhood,
        String livingSituation, String hometownProvince, String hometownCity, Integer movedToCityYear,
        String moveReason, List<String> dialects, List<String> interests, String mobilityNotes, String healthNotes,
        String contactName, String contactRelation, String contactPhone, String referralSource) {

    public Person withReferralSource(String source) {
        return new Person(fullName, gender, birthDate, phone, neighbourhood, livingSituation, hometownProvince,
                hometownCity, movedToCityYear, moveReason, dialects, interests, mobilityNotes, healthNotes,
                contactName, contactRelation, contactPhone, source);
    }

    public ObjectNode registration(UUID centre) {
        ObjectNode r = Api.object().put("centreId", centre.toString()).put("fullName", fullName).put("gender", gender)
                .put("birthDate", birthDate.toString()).put("phone", phone).put("neighbourhood", neighbourhood)
                .put("livingSituation", livingSituation).put("referralSource", referralSource);
        if (hometownProvince != null) {
            r.putObject("hometown").put("province", hometownProvince).put("city", hometownCity);
        }
        if (movedToCityYear != null) {
            r.put("movedToCityYear", movedToCityYear).put("moveReason", moveReason);
        }
        dialects.forEach(r.putArray("dialects")::add);
        interests.forEach(r.putArray("interests")::add);
        r.put("mobilityNotes", mobilityNotes).put("healthNotes", healthNotes);
        if (contactName != null) {
            r.putObject("emergencyContact").put("name", contactName).put("relation", contactRelation)
                    .put("phone", contactPhone);
        }
        return r;
    }

    /** The name a peer would use for them: 王阿姨 / 李叔 style, as group members call each other. */
    public String familiarName() {
        String surname = fullName.substring(0, Synthetic.surnameLength(fullName));
        return surname + (gender.equals("FEMALE") ? "阿姨" : "叔");
    }
}
