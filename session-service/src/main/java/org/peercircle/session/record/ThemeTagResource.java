package org.peercircle.session.record;

import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.peercircle.platform.security.Roles;

@Path("/api/v1/theme-tags")
@Tag(name = "Process records")
public class ThemeTagResource {

    @Schema(name = "ThemeTagView")
    public record ThemeTagView(@Schema(examples = "peer-support") String code,
            @Schema(examples = "同伴支持") String zh, @Schema(examples = "Peer support") String en) {
    }

    @GET
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR, Roles.INTEGRATION })
    @Operation(operationId = "listThemeTags", summary = "The controlled list of theme tags for process records")
    public List<ThemeTagView> list() {
        return Arrays.stream(ThemeTag.values()).map(t -> new ThemeTagView(t.code(), t.zh(), t.en())).toList();
    }
}
