package org.peercircle.session.group;

import java.net.URI;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.session.GroupCreated;
import org.peercircle.contracts.session.GroupUpdated;
import org.peercircle.contracts.session.GroupStatusChanged;
import org.peercircle.platform.outbox.Outbox;
import org.peercircle.platform.problem.Problem;
import org.peercircle.platform.problem.ProblemException;
import org.peercircle.platform.security.Caller;
import org.peercircle.platform.security.Roles;
import org.peercircle.session.membership.Enrolments;
import org.peercircle.session.membership.Membership;
import org.peercircle.session.membership.MembershipStatus;
import org.peercircle.session.programme.ProgrammeTemplate;
import org.peercircle.session.programme.SessionPlan;
import org.peercircle.session.schedule.GroupSession;
import org.peercircle.session.schedule.Scheduling;
import org.peercircle.session.schedule.SessionStatus;
import org.peercircle.session.schedule.WeeklyRecurrence;

@Path("/api/v1/groups")
@Tag(name = "Groups", description = "Support, mutual-aid and interest groups of a centre")
public class GroupResource {

    static final String DEFAULT_ZONE = "Asia/Shanghai";

    @Inject
    Caller caller;

    @Inject
    GroupAccess access;

    @Inject
    Scheduling scheduling;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    Enrolments enrolments;

    @Schema(name = "GroupStatusChange")
    public record StatusChange(
            @Schema(examples = "RECRUITING") @NotNull GroupStatus status,
            @Schema(examples = "0", description = "The version of the group you read") @NotNull Long version) {
    }

    @Schema(name = "GroupUpdate")
    public record GroupUpdate(
            @Schema(examples = "天河北老漂族互助小组") @NotBlank @Size(max = 200) String name,
            @Schema(examples = "随迁老人（老漂族），人际疏离感较高") @Size(max = 500) String targetPopulation,
            @Schema(examples = "社会支持理论") @Size(max = 500) String approach,
            @Schema(examples = "[\"减轻人际疏离感\", \"扩大同伴支持网络\"]") @Size(max = 10) List<@NotBlank @Size(max = 500) String> goals,
            @Schema(examples = "[\"wang.facilitator\", \"li.facilitator\"]")
            @Size(max = 10) List<@NotBlank @Size(max = 200) String> facilitators,
            @NotNull @Valid GroupRequest.Capacity capacity,
            @Schema(examples = "0", description = "The version of the group you read") @NotNull Long version) {
    }

    @Schema(name = "GroupPage")
    public record Page(List<GroupView> items, int page, int size, long total) {
    }

    @POST
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER })
    @Operation(operationId = "createGroup",
            summary = "Set up a group; with templateCode and a weekly rhythm its sessions are planned and booked too")
    @APIResponse(responseCode = "201", description = "Created in PLANNING, with its sessions",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = GroupView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field, capacity max below min, unknown template or time zone")
    @APIResponse(responseCode = "404", description = "The centre is not the caller's")
    @APIResponse(responseCode = "409", description = "A planned session clashes with booked ones (each clash listed)")
    public Response create(@Valid @NotNull GroupRequest request) {
        caller.requireCentre(request.centreId(), "centre", request.centreId());
        List<Problem.Violation> violations = new ArrayList<>();
        if (request.capacity().max() < request.capacity().min()) {
            violations.add(new Problem.Violation("capacity.max",
                    "must not be less than capacity.min (" + request.capacity().min() + ")"));
        }
        String zoneName = request.timeZone() == null || request.timeZone().isBlank() ? DEFAULT_ZONE : request.timeZone().strip();
        ZoneId zone = null;
        try {
            zone = ZoneId.of(zoneName);
        } catch (DateTimeException e) {
            violations.add(new Problem.Violation("timeZone", "'" + zoneName + "' is not a time zone such as Asia/Shanghai"));
        }
        Set<String> facilitators = new LinkedHashSet<>();
        if (request.facilitators() != null) {
            request.facilitators().forEach(f -> facilitators.add(f.strip()));
        }
        ProgrammeTemplate template = null;
        GroupRequest.Rhythm rhythm = request.schedule();
        if (request.templateCode() != null) {
            template = ProgrammeTemplate.findById(request.templateCode());
            if (template == null) {
                violations.add(new Problem.Violation("templateCode",
                        "no programme template has the code '" + request.templateCode() + "'"));
            }
            if (rhythm == null) {
                violations.add(new Problem.Violation("schedule", "is required with templateCode"));
            }
        } else if (rhythm != null) {
            violations.add(new Problem.Violation("templateCode",
                    "is required with schedule: the template gives the number and themes of the sessions"));
        }
        if (rhythm != null) {
            if (rhythm.weekday() != null && rhythm.weekday() != rhythm.firstDate().getDayOfWeek()) {
                violations.add(new Problem.Violation("schedule.weekday", rhythm.firstDate() + " is a "
                        + rhythm.firstDate().getDayOfWeek() + ", not a " + rhythm.weekday()));
            }
            if (rhythm.skipDates() != null && rhythm.skipDates().contains(rhythm.firstDate())) {
                violations.add(new Problem.Violation("schedule.skipDates", "must not contain firstDate"));
            }
            if (rhythm.facilitator() != null && !facilitators.contains(rhythm.facilitator().strip())) {
                violations.add(new Problem.Violation("schedule.facilitator", "must be one of the group's facilitators"));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }

        SupportGroup g = new SupportGroup();
        g.id = UUID.randomUUID();
        g.centreId = request.centreId();
        g.name = request.name().strip();
        g.kind = request.kind();
        g.targetPopulation = request.targetPopulation();
        g.approach = request.approach();
        g.goals = request.goals() == null ? List.of() : List.copyOf(request.goals());
        g.facilitators = new TreeSet<>(facilitators);
        g.capacityMin = request.capacity().min();
        g.capacityMax = request.capacity().max();
        g.timeZone = zone.getId();
        g.status = GroupStatus.PLANNING;
        g.templateCode = request.templateCode();
        g.createdAt = OffsetDateTime.now(zone).truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
        g.createdBy = caller.subject();

        List<GroupSession> sessions = template == null ? List.of() : plan(g, template, rhythm, zone, facilitators);
        if (!sessions.isEmpty()) {
            scheduling.lockBookings();
            scheduling.requireNoClashes(sessions.stream().map(s -> s.slot(g.centreId, Set.of())).toList());
        }
        g.persist();
        sessions.forEach(s -> s.persist());
        outbox.publish(EventTypes.GROUP_CREATED, g.id, new GroupCreated(g.id, g.centreId, g.name, g.kind.name(),
                g.templateCode, g.capacityMin, g.capacityMax, sessions.size(),
                sessions.isEmpty() ? null : rhythm.firstDate(), g.timeZone, g.createdAt, List.copyOf(g.facilitators)));
        sessions.forEach(s -> scheduling.announce(g, s));
        return Response.created(URI.create("/api/v1/groups/" + g.id)).entity(GroupView.of(g, 0, 0)).build();
    }

    /** One session per plan of the template, on the dates of the weekly rhythm. */
    private static List<GroupSession> plan(SupportGroup g, ProgrammeTemplate template, GroupRequest.Rhythm rhythm,
            ZoneId zone, Set<String> facilitators) {
        DayOfWeek weekday = rhythm.firstDate().getDayOfWeek();
        Set<LocalDate> skipped = rhythm.skipDates() == null ? Set.of() : new HashSet<>(rhythm.skipDates());
        List<LocalDate> dates = WeeklyRecurrence.dates(rhythm.firstDate(), weekday, template.sessions.size(), skipped);
        String facilitator = rhythm.facilitator() != null ? rhythm.facilitator().strip()
                : facilitators.stream().findFirst().orElse(null);
        List<GroupSession> sessions = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            SessionPlan p = template.sessions.get(i);
            ZonedDateTime start = ZonedDateTime.of(dates.get(i), rhythm.startTime(), zone);
            int minutes = rhythm.durationMinutes() != null ? rhythm.durationMinutes() : p.defaultDurationMinutes();
            GroupSession s = new GroupSession();
            s.id = UUID.randomUUID();
            s.groupId = g.id;
            s.sequence = i + 1;
            s.phase = p.phase();
            s.themeZh = p.theme().zh();
            s.themeEn = p.theme().en();
            s.objectives = new ArrayList<>(p.objectives());
            s.activities = new ArrayList<>(p.activities() == null ? List.of() : p.activities());
            s.startsAt = start.toInstant();
            s.endsAt = start.plusMinutes(minutes).toInstant();
            s.venue = rhythm.venue() == null || rhythm.venue().isBlank() ? null : rhythm.venue().strip();
            s.facilitator = facilitator;
            s.status = SessionStatus.SCHEDULED;
            sessions.add(s);
        }
        return sessions;
    }

    @GET
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR, Roles.INTEGRATION })
    @Operation(operationId = "listGroups", summary = "The groups the caller may see, newest first, a page at a time")
    @APIResponse(responseCode = "200", description = "One page of groups")
    @APIResponse(responseCode = "404", description = "centreId names a centre the caller may not see")
    public Page list(
            @Parameter(description = "Only this centre", example = "b7e2c1d0-4a5f-4e3b-9c8d-1f2a3b4c5d6e") @QueryParam("centreId") UUID centreId,
            @Parameter(description = "Only groups in this status", example = "RUNNING") @QueryParam("status") String status,
            @Parameter(description = "Page number, from 0", example = "0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, 1-100", example = "20") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        if (centreId != null) {
            caller.requireCentre(centreId, "centre", centreId);
        }
        GroupAccess.Filter visible = access.visibleGroups();
        StringBuilder where = new StringBuilder(" where ").append(visible.jpql());
        if (centreId != null) {
            where.append(" and g.centreId = :centreId");
        }
        GroupStatus wanted = status == null ? null : parseStatus(status);
        if (wanted != null) {
            where.append(" and g.status = :status");
        }
        TypedQuery<SupportGroup> query = em.createQuery("select g from SupportGroup g" + where + " order by g.createdAt desc, g.id",
                SupportGroup.class);
        TypedQuery<Long> count = em.createQuery("select count(g) from SupportGroup g" + where, Long.class);
        for (TypedQuery<?> q : List.<TypedQuery<?>>of(query, count)) {
            visible.parameters().forEach(q::setParameter);
            if (centreId != null) {
                q.setParameter("centreId", centreId);
            }
            if (wanted != null) {
                q.setParameter("status", wanted);
            }
        }
        List<GroupView> items = query.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(this::view).toList();
        return new Page(items, page, size, count.getSingleResult());
    }

    @GET
    @Path("/{id}")
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR, Roles.INTEGRATION })
    @Operation(operationId = "getGroup", summary = "One group with its seat counts")
    public GroupView get(@PathParam("id") UUID id) {
        return view(access.require(id));
    }

    @POST
    @Path("/{id}/status")
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER })
    @Operation(operationId = "changeGroupStatus",
            summary = "PLANNING → RECRUITING → RUNNING → CLOSED; RUNNING needs at least capacity.min members; closing cancels the remaining sessions")
    @APIResponse(responseCode = "200", description = "The group in its new status")
    @APIResponse(responseCode = "409", description = "Illegal step (allowedTransitions listed), too few members, or a stale version")
    public GroupView changeStatus(@PathParam("id") UUID id, @Valid @NotNull StatusChange request) {
        SupportGroup g = access.lock(id);
        Versions.require(request.version(), g.version, "group");
        if (!g.status.canBecome(request.status())) {
            throw ProblemException.conflict("A group that is " + g.status + " cannot become " + request.status())
                    .with("currentStatus", g.status).with("allowedTransitions", g.status.next());
        }
        long enrolled = Membership.enrolledCount(g.id);
        if (request.status() == GroupStatus.RUNNING && enrolled < g.capacityMin) {
            throw ProblemException.conflict("The group has " + enrolled + " members; it needs at least "
                    + g.capacityMin + " to start").with("enrolled", enrolled).with("capacityMin", g.capacityMin);
        }
        GroupStatus from = g.status;
        g.status = request.status();
        if (g.status == GroupStatus.CLOSED) {
            // a closed group meets no more: its remaining sessions leave the calendars and free their rooms
            GroupSession.<GroupSession>list("groupId = ?1 and status = ?2", g.id, SessionStatus.SCHEDULED)
                    .forEach(s -> scheduling.cancel(g, s, "小组已结束 / group closed", caller.subject()));
        }
        outbox.publish(EventTypes.GROUP_STATUS_CHANGED, g.id,
                new GroupStatusChanged(g.id, g.centreId, from.name(), g.status.name(), OffsetDateTime.now(g.zone())));
        SupportGroup.flush(); // the answer carries the new version
        return view(g);
    }

    @PUT
    @Path("/{id}")
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.SOCIAL_WORKER })
    @Operation(operationId = "updateGroup",
            summary = "Change a group's description, facilitators or capacity; a larger capacity seats people from the wait-list")
    @APIResponse(responseCode = "200", description = "The updated group")
    @APIResponse(responseCode = "400", description = "Invalid field, or capacity max below min")
    @APIResponse(responseCode = "409", description = "Closed group, stale version, fewer seats than members, "
            + "or a removed facilitator still leads scheduled sessions")
    public GroupView update(@PathParam("id") UUID id, @Valid @NotNull GroupUpdate request) {
        SupportGroup g = access.lock(id);
        Versions.require(request.version(), g.version, "group");
        if (request.capacity().max() < request.capacity().min()) {
            throw ProblemException.invalid("capacity.max",
                    "must not be less than capacity.min (" + request.capacity().min() + ")");
        }
        if (g.status == GroupStatus.CLOSED) {
            throw ProblemException.conflict("Group " + id + " is CLOSED");
        }
        long enrolled = Membership.enrolledCount(id);
        if (request.capacity().max() < enrolled) {
            throw ProblemException.conflict(enrolled + " members hold seats; capacity.max cannot go below that")
                    .with("enrolled", enrolled);
        }
        Set<String> facilitators = new TreeSet<>();
        if (request.facilitators() != null) {
            request.facilitators().forEach(f -> facilitators.add(f.strip()));
        }
        List<UUID> stillLed = GroupSession.<GroupSession>list("groupId = ?1 and status = ?2 and facilitator is not null",
                id, SessionStatus.SCHEDULED).stream().filter(s -> !facilitators.contains(s.facilitator))
                .map(s -> s.id).toList();
        if (!stillLed.isEmpty()) {
            throw ProblemException.conflict("A facilitator you removed still leads " + stillLed.size()
                    + " scheduled session(s); reschedule them to someone else first").with("sessions", stillLed);
        }
        g.name = request.name().strip();
        g.targetPopulation = request.targetPopulation();
        g.approach = request.approach();
        g.goals = request.goals() == null ? List.of() : List.copyOf(request.goals());
        g.facilitators.clear();
        g.facilitators.addAll(facilitators);
        g.capacityMin = request.capacity().min();
        g.capacityMax = request.capacity().max();
        enrolments.fillSeats(g);
        SupportGroup.flush();
        outbox.publish(EventTypes.GROUP_UPDATED, g.id, new GroupUpdated(g.id, g.centreId, g.name, g.capacityMin,
                g.capacityMax, List.copyOf(g.facilitators), g.version, OffsetDateTime.now(g.zone())));
        return view(g);
    }

    private GroupView view(SupportGroup g) {
        return GroupView.of(g, Membership.enrolledCount(g.id),
                Membership.count("groupId = ?1 and status = ?2", g.id, MembershipStatus.WAIT_LISTED));
    }

    private static GroupStatus parseStatus(String value) {
        try {
            return GroupStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "'" + value + "' is not one of " + Arrays.toString(GroupStatus.values()));
        }
    }
}
