package org.peercircle.participant.participant;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
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
        List<String> dialects,
        List<String> interests,
        String mobilityNotes,
        String healthNotes,
        RegistrationRequest.EmergencyContact emergencyContact,
        ReferralSource referralSource,
        Status status,
        OffsetDateTime registeredAt,
        @Schema(description = "Send it back with a PATCH; a stale version answers 409") long version) {

    static ParticipantView of(Participant p, LocalDate today) {
        return new ParticipantView(p.id, p.centreId, p.fullName, p.gender, p.birthDate,
                CohortRules.ageBand(p.birthDate, today), p.phone, p.neighbourhood, p.livingSituation,
                new RegistrationRequest.Hometown(p.hometownProvince, p.hometownCity), p.movedToCityYear,
                p.moveReason, p.migrant, List.copyOf(p.dialects), List.copyOf(p.interests), p.mobilityNotes,
                p.healthNotes, p.emergencyContactName == null ? null
                        : new RegistrationRequest.EmergencyContact(p.emergencyContactName, p.emergencyContactRelation,
                                p.emergencyContactPhone),
                p.referralSource, p.status, p.registeredAt.atZoneSameInstant(ParticipantRegistry.CENTRE_ZONE)
                        .toOffsetDateTime(), p.version);
    }
}
