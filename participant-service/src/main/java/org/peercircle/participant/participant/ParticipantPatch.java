package org.peercircle.participant.participant;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.peercircle.contracts.Cohort.Gender;
import org.peercircle.contracts.Cohort.LivingSituation;
import org.peercircle.participant.participant.Participant.MoveReason;
import org.peercircle.participant.participant.Participant.ReferralSource;

/**
 * The shape of a PATCH body, for the OpenAPI document: any subset of the registration fields plus the
 * {@code version} last read. The resource reads the body as a JSON tree, because in a merge patch an absent
 * member (keep) and a {@code null} member (clear) mean different things, which a record cannot tell apart.
 */
@Schema(name = "ParticipantPatch", description = "JSON Merge Patch (RFC 7386) of the registration fields; "
        + "members left out stay as they are, null clears an optional field")
public record ParticipantPatch(
        @Schema(required = true, examples = "3", description = "The version you last read; a stale one answers 409")
        long version,
        @Schema(examples = "王秀英") String fullName,
        @Schema(examples = "FEMALE") Gender gender,
        @Schema(examples = "1956-04-12") LocalDate birthDate,
        @Schema(examples = "13800138000") String phone,
        @Schema(examples = "天河北社区") String neighbourhood,
        @Schema(examples = "ALONE") LivingSituation livingSituation,
        RegistrationRequest.Hometown hometown,
        @Schema(examples = "2019") Integer movedToCityYear,
        @Schema(examples = "CARING_FOR_GRANDCHILDREN") MoveReason moveReason,
        @Schema(examples = "[\"湘语\"]") List<String> dialects,
        @Schema(examples = "[\"广场舞\", \"太极\"]") List<String> interests,
        @Schema(examples = "需要拐杖") String mobilityNotes,
        @Schema(examples = "糖尿病") String healthNotes,
        RegistrationRequest.EmergencyContact emergencyContact,
        @Schema(examples = "FAMILY") ReferralSource referralSource) {
}
