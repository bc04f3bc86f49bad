package org.peercircle.participant.participant;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.peercircle.contracts.Cohort.AgeBand;
import org.peercircle.contracts.Cohort.Gender;
import org.peercircle.contracts.Cohort.LivingSituation;
import org.peercircle.participant.participant.Participant.MoveReason;
import org.peercircle.participant.participant.Participant.ReferralSource;
import org.peercircle.participant.participant.Participant.Status;

/** A participant as the centre's staff see it, with the derived cohort attributes. */
@Schema(name = "Participant")
public record ParticipantView(
        UUID id,
        UUID centreId,
        String fullName,
        Gender gender,
        LocalDate birthDate,
        AgeBand ageBand,
        String phone,
        String neighbourhood,
        LivingSituation livingSituation,
        RegistrationRequest.Hometown hometown,
        Integer movedToCityYear,
        MoveReason moveReason,
        boolean migrant,
        ReferralSource referralSource,
        Status status,
        OffsetDateTime registeredAt,
        long version) {

    static ParticipantView of(Participant p, LocalDate today) {
        return new ParticipantView(p.id, p.centreId, p.fullName, p.gender, p.birthDate,
                CohortRules.ageBand(p.birthDate, today), p.phone, p.neighbourhood, p.livingSituation,
                new RegistrationRequest.Hometown(p.hometownProvince, p.hometownCity), p.movedToCityYear,
                p.moveReason, CohortRules.migrant(p.birthDate, p.gender, p.movedToCityYear), p.referralSource,
                p.status, p.registeredAt, p.version);
    }
}
