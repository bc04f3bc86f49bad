package org.peercircle.tools.api;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The operations of the four services that the tools use, each through the service's public REST API with the
 * caller's token. Where a call depends on an event having reached the service (an assessment of someone just
 * registered, an enrolment of someone just found eligible) it waits for that, up to {@code patience}.
 */
public final class PeerCircle {

    private final Api api;
    private final Endpoints at;
    private final Duration patience;

    public PeerCircle(Api api, Endpoints at, Duration patience) {
        this.api = api;
        this.at = at;
        this.patience = patience;
    }

    public Endpoints endpoints() {
        return at;
    }

    /** Requests sent so far. */
    public long requests() {
        return api.requests();
    }

    // ---- participant-service ------------------------------------------------------------------------------

    public UUID createCentre(String token, String name, String district, String address) {
        ObjectNode body = Api.object().put("name", name).put("district", district).put("address", address);
        return id(api.post(at.participant() + "/api/v1/centres", token, body));
    }

    public Optional<UUID> centreNamed(String token, String name) {
        for (JsonNode c : api.get(at.participant() + "/api/v1/centres", token)) {
            if (c.path("name").asText().equals(name)) {
                return Optional.of(UUID.fromString(c.get("id").asText()));
            }
        }
        return Optional.empty();
    }

    /** An ANY/ALL rule of (instrument code, operator GTE/LTE, threshold) conditions. */
    public void eligibilityRule(String token, UUID centre, String combinator, Object[]... conditions) {
        ObjectNode body = Api.object().put("combinator", combinator);
        ArrayNode list = body.putArray("conditions");
        for (Object[] c : conditions) {
            list.addObject().put("instrumentCode", (String) c[0]).put("operator", (String) c[1])
                    .put("threshold", ((Number) c[2]).doubleValue());
        }
        api.put(at.participant() + "/api/v1/centres/" + centre + "/eligibility-rule", token, body);
    }

    /** Registers a person (a RegistrationRequest); a probable duplicate is registered anyway when confirmed. */
    public UUID register(String token, ObjectNode person, boolean confirmDuplicate) {
        return id(api.post(at.participant() + "/api/v1/participants" + (confirmDuplicate ? "?confirmDuplicate=true" : ""),
                token, person));
    }

    public JsonNode participant(String token, UUID id) {
        return api.get(at.participant() + "/api/v1/participants/" + id, token);
    }

    /** Moves a participant one lifecycle step; {@code reason} (a withdrawal code) only for WITHDRAWN. */
    public void changeStatus(String token, UUID participant, String status, String reason, String note) {
        ObjectNode body = Api.object().put("status", status).put("reason", reason).put("note", note);
        api.post(at.participant() + "/api/v1/participants/" + participant + "/status", token, body);
    }

    /**
     * Waits until participant-service has applied the screening assessments (an automatic decision) and
     * answers the status then; {@code expected} lists the statuses that end the wait.
     */
    public String awaitStatus(String token, UUID participant, String... expected) {
        return Api.eventually(patience, e -> e.status() == 412, () -> {
            String status = participant(token, participant).path("status").asText();
            for (String s : expected) {
                if (s.equals(status)) {
                    return status;
                }
            }
            throw new ApiException("GET", "participant " + participant, 412, "status is " + status
                    + ", waiting for one of " + List.of(expected));
        });
    }

    public void decideScreening(String token, UUID participant, String outcome, String reason) {
        ObjectNode body = Api.object().put("outcome", outcome).put("reason", reason);
        api.post(at.participant() + "/api/v1/participants/" + participant + "/screening-decisions", token, body);
    }

    /** SERVICE or ANALYTICS consent, given by the person (proxy null) or by a proxy (name, relation). */
    public void grantConsent(String token, UUID participant, String type, LocalDate date, String[] proxy, String note) {
        ObjectNode body = Api.object().put("givenBy", proxy == null ? "SELF" : "PROXY").put("date", date.toString())
                .put("note", note);
        if (proxy != null) {
            body.putObject("proxy").put("name", proxy[0]).put("relation", proxy[1]);
        }
        api.put(at.participant() + "/api/v1/participants/" + participant + "/consents/" + type, token, body);
    }

    /** Records a support-network snapshot (a NetworkSnapshotRequest). */
    public UUID recordNetwork(String token, UUID participant, ObjectNode snapshot) {
        return id(api.post(at.participant() + "/api/v1/participants/" + participant + "/network-snapshots", token,
                snapshot));
    }

    public JsonNode compareNetwork(String token, UUID participant) {
        return api.get(at.participant() + "/api/v1/participants/" + participant + "/network-snapshots/compare", token);
    }

    // ---- assessment-service ----------------------------------------------------------------------------------

    /**
     * Submits a completed form and answers it as scored. Waits while assessment-service does not know the
     * participant yet (their registration event is on its way).
     */
    public JsonNode submit(String token, UUID participant, UUID group, String instrument, String phase,
            OffsetDateTime administeredAt, String mode, Map<String, Object> answers) {
        ObjectNode body = Api.object().put("participantId", participant.toString())
                .put("groupId", group == null ? null : group.toString()).put("instrumentCode", instrument)
                .put("phase", phase).put("administeredAt", administeredAt.toString()).put("mode", mode);
        body.set("answers", Api.JSON.valueToTree(answers));
        return Api.eventually(patience, e -> e.is(404, "participant"),
                () -> api.post(at.assessment() + "/api/v1/administrations", token, body));
    }

    // ---- session-service -------------------------------------------------------------------------------------

    /** Creates a group (a GroupRequest) and answers it as created (id, version, ...). */
    public JsonNode createGroup(String token, ObjectNode group) {
        return api.post(at.session() + "/api/v1/groups", token, group);
    }

    public JsonNode group(String token, UUID group) {
        return api.get(at.session() + "/api/v1/groups/" + group, token);
    }

    /** Moves the group to {@code status}, reading its current version first. */
    public JsonNode groupStatus(String token, UUID group, String status) {
        long version = group(token, group).get("version").asLong();
        ObjectNode body = Api.object().put("status", status).put("version", version);
        return api.post(at.session() + "/api/v1/groups/" + group + "/status", token, body);
    }

    /** Adds a session (a SessionRequest) to the group's schedule. */
    public UUID addSession(String token, UUID group, ObjectNode session) {
        return id(api.post(at.session() + "/api/v1/groups/" + group + "/sessions", token, session));
    }

    public List<JsonNode> sessions(String token, UUID group) {
        List<JsonNode> sessions = new ArrayList<>();
        api.get(at.session() + "/api/v1/groups/" + group + "/sessions", token).forEach(sessions::add);
        return sessions;
    }

    /**
     * Asks for a seat and answers the membership status (ENROLLED or WAIT_LISTED). Waits while session-service
     * has not yet heard that the person is eligible.
     */
    public String enrol(String token, UUID group, UUID participant) {
        ObjectNode body = Api.object().put("participantId", participant.toString());
        return Api.eventually(patience, e -> e.is(400, "participantId") || e.is(409, "participantStatus"),
                () -> api.post(at.session() + "/api/v1/groups/" + group + "/members", token, body))
                .get("status").asText();
    }

    public void withdrawMember(String token, UUID group, UUID participant, String reason) {
        api.delete(at.session() + "/api/v1/groups/" + group + "/members/" + participant + "?reason=" + reason, token);
    }

    /** Records the attendance of every member: participant id → PRESENT, LATE, ABSENT or EXCUSED. */
    public void attendance(String token, UUID session, Map<UUID, String> statuses) {
        ObjectNode body = Api.object();
        ArrayNode entries = body.putArray("entries");
        statuses.forEach((p, s) -> entries.addObject().put("participantId", p.toString()).put("status", s));
        api.put(at.session() + "/api/v1/sessions/" + session + "/attendance", token, body);
    }

    /** Writes the session's process record (a ProcessRecordRequest). */
    public void processRecord(String token, UUID session, ObjectNode record) {
        api.put(at.session() + "/api/v1/sessions/" + session + "/process-record", token, record);
    }

    /** Marks the session as held, with the version read just before. */
    public void completeSession(String token, UUID session) {
        long version = api.get(at.session() + "/api/v1/sessions/" + session, token).get("version").asLong();
        api.post(at.session() + "/api/v1/sessions/" + session + "/complete", token, Api.object().put("version", version));
    }

    public void logAdjustment(String token, UUID group, UUID session, String what, String why) {
        ObjectNode body = Api.object().put("sessionId", session == null ? null : session.toString()).put("what", what)
                .put("why", why);
        api.post(at.session() + "/api/v1/groups/" + group + "/adjustments", token, body);
    }

    // ---- reporting-service -----------------------------------------------------------------------------------

    public JsonNode groupOutcomes(String token, UUID group) {
        return api.get(at.reporting() + "/api/v1/groups/" + group + "/outcomes", token);
    }

    public JsonNode centreDashboard(String token, UUID centre) {
        return api.get(at.reporting() + "/api/v1/centres/" + centre + "/dashboard", token);
    }

    public JsonNode cityDashboard(String token) {
        return api.get(at.reporting() + "/api/v1/city/dashboard", token);
    }

    private static UUID id(JsonNode created) {
        return UUID.fromString(created.get("id").asText());
    }
}
