package org.peercircle.participant.participant;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.peercircle.contracts.Cohort.Gender;
import org.peercircle.contracts.Cohort.LivingSituation;
import org.peercircle.participant.participant.Participant.MoveReason;
import org.peercircle.participant.participant.Participant.ReferralSource;

/**
 * What a social worker (or the city platform) enters when a person is referred to a centre. The same
 * constraints apply to a PATCH: the patched record is validated as a whole against this type.
 */
@Schema(name = "RegistrationRequest")
public record RegistrationRequest(
        @Schema(examples = "0b7c4f2e-9a1d-4e63-8f25-6d3a1c9e4b70") @NotNull UUID centreId,
        @Schema(examples = "王秀英") @NotBlank @Size(max = 100) String fullName,
        @Schema(examples = "FEMALE") @NotNull Gender gender,
        @Schema(examples = "1956-04-12") @NotNull @Past LocalDate birthDate,
        @Schema(examples = "13800138000", description = "Mainland mobile (11 digits) or landline with area code")
        @NotBlank @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
        @Schema(examples = "天河北社区") @Size(max = 100) String neighbourhood,
        @Schema(examples = "WITH_GRANDCHILDREN") @NotNull LivingSituation livingSituation,
        @Valid Hometown hometown,
        @Schema(examples = "2019") @Min(1930) @Max(2100) Integer movedToCityYear,
        @Schema(examples = "CARING_FOR_GRANDCHILDREN") MoveReason moveReason,
        @Schema(examples = "[\"湘语\", \"普通话\"]", description = "Dialects the person speaks; used for peer matching")
        @Size(max = 10) List<@NotBlank @Size(max = 30) String> dialects,
        @Schema(examples = "[\"广场舞\", \"书法\"]", description = "Interests; used for peer matching")
        @Size(max = 20) List<@NotBlank @Size(max = 30) String> interests,
        @Schema(examples = "膝关节不好，上下楼需要扶手", description = "Mobility notes; stays in participant-service")
        @Size(max = 2000) String mobilityNotes,
        @Schema(examples = "高血压，按时服药", description = "Health notes; stays in participant-service")
        @Size(max = 2000) String healthNotes,
        @Valid EmergencyContact emergencyContact,
        @Schema(examples = "COMMUNITY_WORKER") @NotNull ReferralSource referralSource) {

    public static final String PHONE = "^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$";
    public static final String PHONE_MESSAGE = "must be an 11-digit mobile number or a landline with area code";

    @Schema(name = "Hometown")
    public record Hometown(
            @Schema(examples = "湖南省") @Size(max = 50) String province,
            @Schema(examples = "衡阳市") @Size(max = 50) String city) {
    }

    @Schema(name = "EmergencyContact")
    public record EmergencyContact(
            @Schema(examples = "李娟") @NotBlank @Size(max = 100) String name,
            @Schema(examples = "女儿", description = "How the contact is related to the participant")
            @NotBlank @Size(max = 30) String relation,
            @Schema(examples = "13900139000") @NotBlank @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone) {
    }
}
