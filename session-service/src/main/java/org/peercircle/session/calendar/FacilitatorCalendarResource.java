package org.peercircle.session.calendar;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.peercircle.platform.problem.ProblemException;
import org.peercircle.platform.security.Roles;
import org.peercircle.session.group.GroupAccess;
import org.peercircle.session.group.SupportGroup;
import org.peercircle.session.schedule.GroupSession;

@Path("/api/v1/facilitators/{subject}/calendar.ics")
@Tag(name = "Calendar feeds")
public class FacilitatorCalendarResource {

    @Inject
    GroupAccess access;

    @Inject
    CalendarFeed feed;

    @GET
    @Produces(CalendarResource.TEXT_CALENDAR)
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR, Roles.INTEGRATION })
    @Operation(operationId = "facilitatorCalendar",
            summary = "Every session a facilitator leads, in the groups the caller may see; a facilitator sees only their own")
    @APIResponse(responseCode = "200", description = "One VEVENT per session the facilitator leads",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = SchemaType.STRING, format = "RFC 5545")))
    public Response facilitator(@PathParam("subject") String subject) {
        if (!access.canSeeFacilitator(subject)) {
            throw ProblemException.notFound("facilitator", subject);
        }
        List<GroupSession> sessions = GroupSession.list("facilitator = ?1 order by startsAt", subject);
        Map<UUID, SupportGroup> groups = new HashMap<>();
        List<CalendarFeed.Item> items = sessions.stream()
                .filter(s -> {
                    SupportGroup g = groups.computeIfAbsent(s.groupId, id -> SupportGroup.findById(id));
                    return access.canSee(g);
                })
                .map(s -> CalendarResource.item(s, groups.get(s.groupId))).toList();
        return CalendarResource.ics(feed.render("PeerCircle · " + subject, items), "facilitator-" + subject.replaceAll("[^A-Za-z0-9._-]", "_") + ".ics");
    }
}
