package org.peercircle.session.programme;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** User-facing text in zh-CN first and English second. */
@Schema(name = "Text", description = "zh-CN and English text")
public record Text(
        @Schema(examples = "认知调适") @NotBlank @Size(max = 200) String zh,
        @Schema(examples = "Cognitive adjustment") @Size(max = 200) String en) {

    /** The text to show when only one fits (an event field, a calendar title): zh-CN, else English. */
    public String preferred() {
        return zh != null && !zh.isBlank() ? zh : en;
    }
}
