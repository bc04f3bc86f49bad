package org.peercircle.reporting.live;

import java.time.Duration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.peercircle.platform.security.Roles;

import io.smallrye.mutiny.Multi;

@Path("/api/v1/live")
@Tag(name = "Dashboards", description = "Figures for a group, a centre or the city, pseudonymous only")
public class LiveResource {

    @Inject
    LiveUpdates live;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR, Roles.ANALYST, Roles.INTEGRATION })
    @Operation(operationId = "streamChanges", summary = "Server-sent events: {\"topic\": …} each time events of "
            + "that topic changed the read model, and a keep-alive every 15 s; re-read your view when one arrives. "
            + "Needs the bearer token: browsers read it with fetch() streaming, not EventSource")
    public Multi<String> stream() {
        Multi<String> keepAlive = Multi.createFrom().ticks().every(Duration.ofSeconds(15))
                .map(t -> "{\"keepAlive\":true}");
        return Multi.createBy().merging().streams(Multi.createFrom().item("{\"connected\":true}"),
                live.stream().onOverflow().drop(),
                keepAlive);
    }
}
