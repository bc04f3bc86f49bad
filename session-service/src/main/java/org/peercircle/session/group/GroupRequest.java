package org.peercircle.session.group;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a social worker enters to set up a group; with a template and a rhythm its sessions are planned too. */
@Schema(name = "GroupRequest")
public record GroupRequest(
        @Schema(examples = "b7e2c1d0-4a5f-4e3b-9c8d-1f2a3b4c5d6e") @NotNull UUID centreId,
        @Schema(examples = "天河北老漂族互助小组") @NotBlank @Size(max = 200) String name,
        @Schema(examples = "SUPPORT_GROUP") @NotNull GroupKind kind,
        @Schema(examples = "随迁老人（老漂族），人际疏离感较高") @Size(max = 500) String targetPopulation,
        @Schema(examples = "社会支持理论") @Size(max = 500) String approach,
        @Schema(examples = "[\"减轻人际疏离感\", \"扩大同伴支持网络\"]") @Size(max = 10) List<@NotBlank @Size(max = 500) String> goals,
        @Schema(examples = "[\"wang.facilitator\"]", description = "Token subjects of the facilitators")
        @Size(max = 10) List<@NotBlank @Size(max = 200) String> facilitators,
        @NotNull @Valid Capacity capacity,
        @Schema(examples = "Asia/Shanghai", description = "IANA time zone; Asia/Shanghai when absent") @Size(max = 64) String timeZone,
        @Schema(examples = "ADJUSTMENT_6", description = "Programme template to plan the sessions from") @Size(max = 100) String templateCode,
        @Schema(description = "Required with templateCode: when the sessions take place") @Valid Rhythm schedule) {

    @Schema(name = "Capacity")
    public record Capacity(
            @Schema(examples = "5") @Min(1) @Max(100) int min,
            @Schema(examples = "10") @Min(1) @Max(100) int max) {
    }

    /** A weekly rhythm: every {@code weekday} at {@code startTime}, from {@code firstDate}, leaving out skipped dates. */
    @Schema(name = "WeeklyRhythm")
    public record Rhythm(
            @Schema(examples = "2026-03-02") @NotNull LocalDate firstDate,
            @Schema(examples = "MONDAY", description = "Defaults to the weekday of firstDate") DayOfWeek weekday,
            @Schema(examples = "09:30") @NotNull LocalTime startTime,
            @Schema(examples = "90", description = "Defaults to each session plan's default duration")
            @Min(15) @Max(480) Integer durationMinutes,
            @Schema(examples = "[\"2026-04-06\"]", description = "Holidays and closing days: those weeks are skipped")
            @Size(max = 100) List<@NotNull LocalDate> skipDates,
            @Schema(examples = "活动室 A") @Size(max = 200) String venue,
            @Schema(examples = "wang.facilitator", description = "Leads every session; one of the group's facilitators")
            @Size(max = 200) String facilitator) {
    }
}
