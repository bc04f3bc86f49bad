package org.peercircle.tools.demo;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.peercircle.tools.api.Api;
import org.peercircle.tools.api.PeerCircle;
import org.peercircle.tools.api.Tokens;
import org.peercircle.tools.synthetic.Person;
import org.peercircle.tools.synthetic.Scale;
import org.peercircle.tools.synthetic.Synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One centre's part of the demo, told through the services' APIs with the tokens of the people who would do
 * each step: the coordinator sets up the centre, its social worker registers, screens, enrols and assesses,
 * the group's facilitator records attendance and what happened in each session.
 */
abstract class Story {

    /** Centres work in China Standard Time. */
    static final ZoneOffset CST = ZoneOffset.ofHours(8);

    final PeerCircle pc;
    final Tokens tokens;
    final Synthetic people;
    final PrintStream log;

    UUID centre;
    String socialWorker;
    String facilitator;
    final String facilitatorSubject;
    final String socialWorkerSubject;

    /** What this story made, for the summary and for checks. */
    final List<DemoGroup> groups = new ArrayList<>();

    /** A registered person and the id participant-service gave them. */
    record Member(UUID id, Person person) {
    }

    Story(DemoContext context, String socialWorkerSubject, String facilitatorSubject) {
        this.pc = context.pc();
        this.tokens = context.tokens();
        this.people = context.people();
        this.log = context.log();
        this.socialWorkerSubject = socialWorkerSubject;
        this.facilitatorSubject = facilitatorSubject;
    }

    abstract void tell();

    void openCentre(String name, String district, String address) {
        centre = pc.createCentre(tokens.coordinator(), name, district, address);
        socialWorker = tokens.socialWorker(socialWorkerSubject, centre);
        facilitator = tokens.facilitator(facilitatorSubject, centre);
        log.println("  " + name + " (" + district + ")  " + centre);
    }

    Member register(Person person) {
        return new Member(pc.register(socialWorker, person.registration(centre), false), person);
    }

    List<Member> register(List<Person> persons) {
        return persons.stream().map(this::register).toList();
    }

    /** Service and analytics consent, signed at intake by the person or, for some, by a proxy. */
    void consent(Member m, LocalDate date, String[] proxy) {
        String note = proxy == null ? "签署纸质知情同意书，存档于中心" : "本人视力不好，由" + proxy[1] + "代签知情同意书";
        pc.grantConsent(socialWorker, m.id(), "SERVICE", date, proxy, note);
        pc.grantConsent(socialWorker, m.id(), "ANALYTICS", date, proxy, null);
    }

    /** A form read out by the social worker (the usual mode with older people), answers scoring {@code score}. */
    JsonNode assess(Member m, UUID group, Scale scale, String phase, int score, OffsetDateTime at) {
        return pc.submit(socialWorker, m.id(), group, scale.code(), phase, at, "INTERVIEWER",
                scale.answers(score, people.random()));
    }

    /** The total score assessment-service gave. */
    static int total(JsonNode administration) {
        return (int) Math.round(administration.get("totalScore").asDouble());
    }

    void toStatus(List<Member> members, String status, String note) {
        members.forEach(m -> pc.changeStatus(socialWorker, m.id(), status, null, note));
    }

    /** participant-service enrols a person when session-service seats them; this waits until it has. */
    void awaitEnrolled(List<Member> members) {
        members.forEach(m -> pc.awaitStatus(socialWorker, m.id(), "ENROLLED"));
    }

    /** Enrols each in turn and answers their membership status (ENROLLED or WAIT_LISTED). */
    Map<Member, String> enrol(UUID group, List<Member> members) {
        Map<Member, String> outcome = new LinkedHashMap<>();
        members.forEach(m -> outcome.put(m, pc.enrol(socialWorker, group, m.id())));
        return outcome;
    }

    static OffsetDateTime at(LocalDate day, String time) {
        return OffsetDateTime.of(day, LocalTime.parse(time), CST);
    }

    static ObjectNode text(String zh, String en) {
        return Api.object().put("zh", zh).put("en", en);
    }

    static ArrayNode strings(ObjectNode parent, String field, String... values) {
        ArrayNode array = parent.putArray(field);
        for (String v : values) {
            array.add(v);
        }
        return array;
    }

    /** A support-network tie (NetworkTieRequest). */
    static ObjectNode tie(String name, String type, String frequency, int closeness, String note, String... kinds) {
        ObjectNode tie = Api.object().put("name", name).put("type", type).put("contactFrequency", frequency)
                .put("closeness", closeness).put("note", note);
        strings(tie, "supportKinds", kinds);
        return tie;
    }

    static ObjectNode snapshot(LocalDate on, String occasion, String note, List<ObjectNode> ties) {
        ObjectNode s = Api.object().put("recordedOn", on.toString()).put("occasion", occasion).put("note", note);
        ties.forEach(s.putArray("ties")::add);
        return s;
    }

    /** An observation of one member in a process record. */
    static ObjectNode observation(Member m, String participation, String mood, String note) {
        return Api.object().put("participantId", m.id().toString()).put("participation", participation)
                .put("mood", mood).put("note", note);
    }

    static ObjectNode processRecord(int[] objectiveRatings, List<ObjectNode> observations, String[] themeTags,
            String notes) {
        ObjectNode r = Api.object().put("notes", notes);
        ArrayNode ratings = r.putArray("objectiveRatings");
        for (int i = 0; i < objectiveRatings.length; i++) {
            ratings.addObject().put("objective", i + 1).put("rating", objectiveRatings[i]);
        }
        observations.forEach(r.putArray("members")::add);
        strings(r, "themeTags", themeTags);
        return r;
    }

    /** The group's sessions, in order, as session-service planned them. */
    List<JsonNode> sessions(UUID group) {
        return pc.sessions(socialWorker, group);
    }

    static UUID id(JsonNode node) {
        return UUID.fromString(node.get("id").asText());
    }

    static LocalDate day(JsonNode session) {
        return OffsetDateTime.parse(session.get("startsAt").asText()).toLocalDate();
    }
}
