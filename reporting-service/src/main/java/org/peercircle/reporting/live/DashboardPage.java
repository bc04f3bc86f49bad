package org.peercircle.reporting.live;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The web dashboard's page at {@code /dashboard} (its scripts are static files under {@code /dashboard/}). The
 * page holds no data: every figure comes from the token-protected API.
 */
@Path("/dashboard")
@Tag(name = "Dashboards", description = "Figures for a group, a centre or the city, pseudonymous only")
public class DashboardPage {

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "dashboardPage", summary = "The web dashboard (zh-CN, English); pass a token as "
            + "/dashboard#token=…")
    public String page() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/dashboard/index.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
