package org.peercircle.participant.participant;

import java.time.LocalDate;
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

/** What a social worker (or the city platform) enters when a person is referred to a centre. */
@Schema(name = "RegistrationRequest")
public record RegistrationRequest(
        @NotNull UUID centreId,
        @Schema(examples = "王秀英") @NotBlank @Size(max = 100) String fullName,
        @NotNull Gender gender,
        @Schema(examples = "1956-04-12") @NotNull @Past LocalDate birthDate,
        @Schema(examples = "13800138000", description = "Mainland mobile (11 digits) or landline with area code")
        @NotBlank @Pattern(regexp = PHONE, message = "must be an 11-digit mobile number or a landline with area code") String phone,
        @Schema(examples = "天河北社区") @Size(max = 100) String neighbourhood,
        @NotNull LivingSituation livingSituation,
        @Valid Hometown hometown,
        @Schema(examples = "2019") @Min(1930) @Max(2100) Integer movedToCityYear,
        MoveReason moveReason,
        @NotNull ReferralSource referralSource) {

    public static final String PHONE = "^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$";

    @Schema(name = "Hometown")
    public record Hometown(
            @Schema(examples = "湖南省") @Size(max = 50) String province,
            @Schema(examples = "衡阳市") @Size(max = 50) String city) {
    }
}
