package org.peercircle.session.calendar;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.peercircle.platform.security.Roles;
import org.peercircle.session.group.GroupAccess;
import org.peercircle.session.group.SupportGroup;
import org.peercircle.session.schedule.GroupSession;
import org.peercircle.session.schedule.SessionChange;

@Path("/api/v1/groups/{groupId}/calendar.ics")
@Tag(name = "Calendar feeds", description = "iCalendar (RFC 5545) feeds of sessions for calendar apps")
public class CalendarResource {

    public static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";

    @Inject
    GroupAccess access;

    @Inject
    CalendarFeed feed;

    @GET
    @Produces(TEXT_CALENDAR)
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR, Roles.INTEGRATION })
    @Operation(operationId = "groupCalendar", summary = "The group's sessions as an iCalendar feed")
    @APIResponse(responseCode = "200", description = "One VEVENT per session, times in the group's time zone",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = SchemaType.STRING, format = "RFC 5545")))
    public Response group(@PathParam("groupId") UUID groupId) {
        SupportGroup group = access.require(groupId);
        List<GroupSession> sessions = GroupSession.list("groupId = ?1 order by startsAt", groupId);
        return ics(feed.render(group.name, sessions.stream().map(s -> item(s, group)).toList()),
                "group-" + groupId + ".ics");
    }

    static CalendarFeed.Item item(GroupSession s, SupportGroup g) {
        return new CalendarFeed.Item(s, g, (int) SessionChange.count("sessionId", s.id));
    }

    static Response ics(String body, String filename) {
        return Response.ok(body, TEXT_CALENDAR).header("Content-Disposition", "inline; filename=\"" + filename + "\"").build();
    }
}
