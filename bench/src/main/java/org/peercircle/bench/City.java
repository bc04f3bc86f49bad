package org.peercircle.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

import org.peercircle.contracts.Cohort.AgeBand;
import org.peercircle.contracts.Cohort.Gender;
import org.peercircle.contracts.Cohort.LivingSituation;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.assessment.AssessmentScored;
import org.peercircle.contracts.participant.ConsentChanged;
import org.peercircle.contracts.participant.ParticipantRegistered;
import org.peercircle.contracts.session.GroupCreated;
import org.peercircle.contracts.session.GroupStatusChanged;
import org.peercircle.contracts.session.MemberEnrolled;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A minimal, fast loader (the city generator of the tools module may replace it): centres and participants through
 * REST for W1/W2, and the rest of a city as the owning services' events for W3–W5.
 */
final class City {

    static final ObjectMapper JSON = new ObjectMapper();
    static final OffsetDateTime PAST = OffsetDateTime.of(2025, 3, 2, 10, 0, 0, 0, ZoneOffset.ofHours(8));

    final Sys sys;
    final Random random = new Random(42);
    final List<UUID> centres = new ArrayList<>();
    /** Participants registered through participant-service (W1 reads them, W2 assesses them). */
    final List<UUID> participants = Collections.synchronizedList(new ArrayList<>());

    City(Sys sys) {
        this.sys = sys;
    }

    String token(String role) {
        return sys.signer.token("bench." + role, role);
    }

    void centres(int n) throws Exception {
        String token = token("coordinator");
        for (int i = 0; i < n; i++) {
            String body = "{\"name\":\"压测社区长者服务中心" + i + "-" + UUID.randomUUID().toString().substring(0, 6)
                    + "\",\"district\":\"天河区\"}";
            HttpResponse<String> r = sys.http.send(post(sys.url("participant-service", "/api/v1/centres"), token, body),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("centre: " + r.statusCode() + " " + r.body());
            }
            centres.add(UUID.fromString(JSON.readTree(r.body()).get("id").asText()));
        }
    }

    /** Registers n participants through REST, 32 at a time. */
    void participants(int n) throws Exception {
        String token = token("coordinator");
        Semaphore permits = new Semaphore(32);
        List<CompletableFuture<?>> all = new ArrayList<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < n; i++) {
            UUID centre = centres.get(i % centres.size());
            String body = """
                    {"centreId":"%s","fullName":"压测%s","gender":"%s","birthDate":"%s","phone":"139%08d",
                     "livingSituation":"%s","referralSource":"COMMUNITY_WORKER","neighbourhood":"天河北社区"}
                    """.formatted(centre, Integer.toString(i, 36), i % 3 == 0 ? "MALE" : "FEMALE",
                    LocalDate.of(1940 + i % 25, 1 + i % 12, 1 + i % 28), i, LivingSituation.values()[i % 4]);
            permits.acquire();
            all.add(sys.http.sendAsync(post(sys.url("participant-service", "/api/v1/participants"), token, body),
                    HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                        permits.release();
                        if (e != null || r.statusCode() != 201) {
                            failures.add(e != null ? e.toString() : r.statusCode() + " " + r.body());
                            return;
                        }
                        try {
                            participants.add(UUID.fromString(JSON.readTree(r.body()).get("id").asText()));
                        } catch (Exception ex) {
                            failures.add(ex.toString());
                        }
                    }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " registrations failed, first: " + failures.get(0));
        }
    }

    static HttpRequest post(String url, String token, String body) {
        return post(url, token, Duration.ofSeconds(30), body);
    }

    /** A request that gives up after {@code timeout}, so that a hung service shows as an error, not a stall. */
    static HttpRequest post(String url, String token, Duration timeout, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    // --- events ------------------------------------------------------------------------------------------------

    record Member(UUID participantId, UUID centreId, UUID groupId) {
    }

    /**
     * A participant and group as their owners would announce them, with the analytics consent signed at intake (as
     * the demo's people sign it) or withdrawn.
     */
    Member person(Events events, UUID centre, UUID group, int i, boolean analyticsConsent) {
        UUID id = UUID.randomUUID();
        events.publish(EventTypes.PARTICIPANT_REGISTERED, id, new ParticipantRegistered(id, centre,
                AgeBand.values()[1 + i % 4], Gender.values()[i % 2], LivingSituation.values()[i % 5], i % 3 == 0,
                "COMMUNITY_WORKER", PAST.minusDays(i % 300)));
        events.publish(EventTypes.PARTICIPANT_CONSENT_CHANGED, id, new ConsentChanged(id, centre,
                ConsentChanged.ConsentType.ANALYTICS, analyticsConsent, ConsentChanged.GivenBy.SELF,
                PAST.minusDays(i % 300).toLocalDate()));
        events.publish(EventTypes.MEMBER_ENROLLED, group, new MemberEnrolled(group, centre, id, false, PAST));
        return new Member(id, centre, group);
    }

    /** A centre's groups still running: the newest few, and the groups of W4's cohort. */
    static final int RUNNING_PER_CENTRE = 5;

    record Group(UUID groupId, UUID centreId) {
    }

    /** Groups published and not closed yet, oldest first. */
    final List<Group> running = new ArrayList<>();

    UUID group(Events events, UUID centre, int i) {
        UUID id = UUID.randomUUID();
        events.publish(EventTypes.GROUP_CREATED, id, new GroupCreated(id, centre, "老漂族互助小组" + i, "SUPPORT",
                null, 5, 12, 6, PAST.toLocalDate(), "Asia/Shanghai", PAST.minusDays(30)));
        running.add(new Group(id, centre));
        return id;
    }

    /**
     * Closes every running group but the {@value #RUNNING_PER_CENTRE} newest of each centre and those in {@code keep}:
     * a centre runs a handful of groups at a time while its history grows, which is what W5's "cost must not grow
     * with history" is about. (Groups that were never closed made the centre dashboard list 500 open groups at
     * 100,000 participants and 50 at 10,000.)
     */
    void closeAllBut(Events events, Set<UUID> keep) {
        Map<UUID, Integer> newest = new HashMap<>();
        List<Group> still = new ArrayList<>();
        for (int k = running.size() - 1; k >= 0; k--) {
            Group g = running.get(k);
            int seen = newest.merge(g.centreId(), 1, Integer::sum);
            if (seen <= RUNNING_PER_CENTRE || keep.contains(g.groupId())) {
                still.add(g);
            } else {
                events.publish(EventTypes.GROUP_STATUS_CHANGED, g.groupId(),
                        new GroupStatusChanged(g.groupId(), g.centreId(), "RUNNING", "CLOSED", PAST.plusDays(49)));
            }
        }
        // collected newest first
        Collections.reverse(still);
        running.clear();
        running.addAll(still);
    }

    /** assessment.completed.v1 of UCLA-3 (3 items 1–3) or GSE-10 (10 items 1–4), scored as assessment-service does. */
    AssessmentScored scored(Member m, String instrument, String phase, int shift) {
        boolean ucla = instrument.equals("UCLA-3");
        int items = ucla ? 3 : 10;
        int max = ucla ? 3 : 4;
        Map<String, Double> values = new LinkedHashMap<>();
        double total = 0;
        for (int k = 1; k <= items; k++) {
            int v = Math.max(1, Math.min(max, 1 + random.nextInt(max) + shift));
            values.put(String.valueOf(k), (double) v);
            total += v;
        }
        String band = ucla ? (total >= 6 ? "LONELY" : "NOT_LONELY") : null;
        return new AssessmentScored(UUID.randomUUID(), 0, m.participantId(), m.centreId(), m.groupId(), instrument, 1,
                phase, PAST.plusDays(phase.equals("PRE") ? 0 : 42), total, Map.of("total", total), band, false, ucla,
                ucla ? 0.72 : 0.87, null, values, null, null);
    }

    /**
     * Grows the city by {@code people} participants in groups of 10 with {@code assessments} completed forms in all;
     * the first {@code cohort} people get a PRE UCLA-3 only and are returned for W4 to post their POST form. Their
     * groups keep running; of the others, each centre keeps its newest few running and the rest are closed.
     */
    List<Member> grow(Events events, int people, int assessments, int cohort) {
        List<Member> w4 = new ArrayList<>();
        List<Member> history = new ArrayList<>();
        UUID group = null;
        for (int i = 0; i < people; i++) {
            if (i % 10 == 0 || group == null) {
                group = group(events, centres.get((i / 10) % centres.size()), i / 10);
            }
            UUID groupCentre = centres.get((i / 10) % centres.size());
            // one in a hundred has withdrawn analytics consent, which every query that counts people reads; not in
            // W4's cohort, whose forms must show in their group's outcomes
            Member m = person(events, groupCentre, group, i, i < cohort || i % 100 != 0);
            (i < cohort ? w4 : history).add(m);
        }
        for (Member m : w4) {
            events.publish(EventTypes.ASSESSMENT_COMPLETED, m.participantId(), scored(m, "UCLA-3", "PRE", 0));
        }
        String[][] plan = { { "UCLA-3", "PRE" }, { "UCLA-3", "POST" }, { "GSE-10", "PRE" }, { "GSE-10", "POST" } };
        int remaining = assessments - w4.size();
        for (int k = 0; remaining > 0 && !history.isEmpty(); k++) {
            for (Member m : history) {
                if (remaining-- <= 0) {
                    break;
                }
                String[] p = plan[k % plan.length];
                events.publish(EventTypes.ASSESSMENT_COMPLETED, m.participantId(),
                        scored(m, p[0], p[1], p[1].equals("POST") ? -1 : 0));
            }
        }
        closeAllBut(events, w4.stream().map(Member::groupId).collect(Collectors.toSet()));
        events.flush();
        return w4;
    }

    static String field(JsonNode n, String name) {
        return n.get(name).asText();
    }
}
