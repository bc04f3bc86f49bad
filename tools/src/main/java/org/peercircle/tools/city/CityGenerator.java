package org.peercircle.tools.city;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import org.peercircle.tools.api.Api;
import org.peercircle.tools.api.ApiException;
import org.peercircle.tools.api.PeerCircle;
import org.peercircle.tools.api.Tokens;
import org.peercircle.tools.city.CityPlan.Group;
import org.peercircle.tools.city.CityPlan.Seat;
import org.peercircle.tools.synthetic.Scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Makes a {@link CityPlan} real through the services' REST APIs, {@code concurrency} requests in flight: the
 * centres and their screening rules, every person's registration and screening assessment (eligibility then
 * follows automatically), and every group from a built-in programme template with its enrolments and wait-list,
 * attendance, process records, withdrawals, PRE and POST assessments and status changes. A stage's failures are
 * counted and reported; the run carries on with what succeeded.
 */
public final class CityGenerator {

    /** Groups lie before this day (or today, if earlier), so that the same seed makes the same city. */
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);
    private static final ZoneOffset CST = ZoneOffset.ofHours(8);
    private static final String[][] THEME_TAGS = { { "loneliness", "peer-support" }, { "leisure" },
            { "technology", "family" }, { "communication" }, { "community-participation", "peer-support" },
            { "bereavement", "loneliness" }, { "health", "self-care" } };

    public record Settings(int centres, int participants, int groups, long seed, int concurrency) {
    }

    private final PeerCircle pc;
    private final Tokens tokens;
    private final Settings settings;
    private final PrintStream out;
    private final PrintStream progress;
    private final boolean terminal = System.console() != null;

    private final AtomicLong screened = new AtomicLong();
    private final AtomicLong assessments = new AtomicLong();
    private final AtomicLong seats = new AtomicLong();
    private final AtomicLong waitListed = new AtomicLong();
    private final AtomicLong withdrawn = new AtomicLong();
    private final AtomicLong sessionsHeld = new AtomicLong();
    private final Map<CityPlan.Stage, AtomicLong> groupsByStage = new LinkedHashMap<>();
    private final AtomicLong failures = new AtomicLong();
    private final ConcurrentLinkedQueue<String> firstFailures = new ConcurrentLinkedQueue<>();

    public CityGenerator(PeerCircle pc, Tokens tokens, Settings settings, PrintStream out, PrintStream progress) {
        this.pc = pc;
        this.tokens = tokens;
        this.settings = settings;
        this.out = out;
        this.progress = progress;
        for (CityPlan.Stage s : CityPlan.Stage.values()) {
            groupsByStage.put(s, new AtomicLong());
        }
    }

    /** @return true when every step succeeded */
    public boolean generate() {
        LocalDate today = LocalDate.now(CST);
        LocalDate asOf = today.isBefore(AS_OF) ? today : AS_OF;
        CityPlan plan = new CityPlan(settings.centres(), settings.participants(), settings.groups(), settings.seed(), asOf);
        out.printf(Locale.ROOT, "Generating a city (seed %d): %d centres, %d participants, %d groups, %d requests in flight%n",
                settings.seed(), settings.centres(), settings.participants(), settings.groups(), settings.concurrency());
        long started = System.nanoTime();
        long requestsBefore = pc.requests();

        UUID[] centres = new UUID[plan.centres.size()];
        String coordinator = tokens.coordinator();
        try {
            centres[0] = openCentre(plan.centres.get(0), coordinator);
        } catch (ApiException e) {
            if (e.is(409, "already exists")) {
                out.println("A city with seed " + settings.seed() + " is already there (" + plan.centres.get(0).name()
                        + "); choose another --seed.");
                return false;
            }
            throw e;
        }
        stage("centres", centres.length - 1, i -> centres[i + 1] = openCentre(plan.centres.get(i + 1), coordinator));

        UUID[] people = new UUID[plan.participants.size()];
        stage("registering", people.length, i -> {
            CityPlan.Participant p = plan.participants.get(i);
            UUID centre = centres[p.centre()];
            if (centre != null) {
                people[i] = pc.register(socialWorker(centre), p.person().registration(centre), true);
            }
        });
        stage("screening", people.length, i -> {
            CityPlan.Participant p = plan.participants.get(i);
            if (people[i] != null && p.screeningScore() != null) {
                Random random = new Random(settings.seed() ^ (i * 0x9E3779B97F4A7C15L));
                OffsetDateTime when = OffsetDateTime.of(asOf.minusYears(2).minusDays(30 + random.nextInt(300)),
                        LocalTime.of(9 + random.nextInt(8), 0), CST);
                pc.submit(socialWorker(centres[p.centre()]), people[i], null, "UCLA-3", "SCREENING", when,
                        "INTERVIEWER", Scale.UCLA_3.answers(p.screeningScore(), random));
                screened.incrementAndGet();
                assessments.incrementAndGet();
            }
        });
        stage("groups", plan.groups.size(), i -> runGroup(plan.groups.get(i), centres, people));

        double seconds = (System.nanoTime() - started) / 1e9;
        long requests = pc.requests() - requestsBefore;
        long eligible = plan.participants.stream().filter(CityPlan.Participant::eligible).count();
        out.printf(Locale.ROOT, "%nCity generated in %.0f s (seed %d):%n", seconds, settings.seed());
        out.printf(Locale.ROOT, "  centres       %d%n", plan.centres.size());
        out.printf(Locale.ROOT, "  participants  %d registered, %d screened (%d eligible, %d not), %d referred only%n",
                count(people), screened.get(), eligible, screened.get() - eligible, count(people) - screened.get());
        out.printf(Locale.ROOT, "  groups        %d (%d closed, %d running, %d recruiting)%n",
                groupsByStage.values().stream().mapToLong(AtomicLong::get).sum(), groupsByStage.get(CityPlan.Stage.CLOSED).get(),
                groupsByStage.get(CityPlan.Stage.RUNNING).get(), groupsByStage.get(CityPlan.Stage.RECRUITING).get());
        out.printf(Locale.ROOT, "  membership    %d seats taken, %d wait-listed, %d withdrew%n", seats.get(),
                waitListed.get(), withdrawn.get());
        out.printf(Locale.ROOT, "  sessions      %d held (attendance, process record, completed)%n", sessionsHeld.get());
        out.printf(Locale.ROOT, "  assessments   %d (screening, PRE, POST)%n", assessments.get());
        out.printf(Locale.ROOT, "  requests      %d, %.0f requests/s, %.1f participants/s%n", requests, requests / seconds,
                settings.participants() / seconds);
        if (failures.get() > 0) {
            out.println("  FAILED        " + failures.get() + " items; the first:");
            firstFailures.forEach(f -> out.println("    " + f));
            return false;
        }
        return true;
    }

    private UUID openCentre(CityPlan.Centre c, String coordinator) {
        UUID id = pc.createCentre(coordinator, c.name(), c.district(), null);
        pc.eligibilityRule(coordinator, id, "ANY", new Object[] { "UCLA-3", "GTE", CityPlan.ELIGIBLE_FROM });
        return id;
    }

    /** One group from creation to where the plan leaves it, step by step as a centre would run it. */
    private void runGroup(Group g, UUID[] centres, UUID[] people) {
        UUID centre = centres[g.centre()];
        if (centre == null) {
            return;
        }
        String sw = socialWorker(centre);
        Random random = new Random(g.seed());
        String facilitator = "facilitator-" + (g.index() + 1);
        ObjectNode request = Api.object().put("centreId", centre.toString()).put("name", g.name()).put("kind", g.kind())
                .put("templateCode", g.templateCode());
        request.putArray("facilitators").add(facilitator);
        request.putObject("capacity").put("min", g.capacityMin()).put("max", g.capacityMax());
        request.putObject("schedule").put("firstDate", g.firstDate().toString()).put("startTime", g.startTime())
                .put("venue", "活动室 " + (g.index() + 1)).put("facilitator", facilitator);
        UUID group = UUID.fromString(pc.createGroup(sw, request).get("id").asText());
        pc.groupStatus(sw, group, "RECRUITING");

        List<Seat> members = new ArrayList<>();
        Deque<Seat> queue = new ArrayDeque<>();
        for (Seat seat : g.seats()) {
            if (people[seat.participant()] == null) {
                continue;
            }
            String status = pc.enrol(sw, group, people[seat.participant()]);
            if (status.equals("ENROLLED")) {
                members.add(seat);
                seats.incrementAndGet();
            } else {
                queue.add(seat);
                waitListed.incrementAndGet();
            }
        }
        groupsByStage.get(g.stage()).incrementAndGet();
        if (g.stage() == CityPlan.Stage.RECRUITING || members.isEmpty()) {
            return;
        }
        pc.groupStatus(sw, group, "RUNNING");

        List<JsonNode> sessions = pc.sessions(sw, group);
        String second = g.templateCode().equals("ADJUSTMENT_6") ? "GSE-10" : "DJG-6";
        Map<Seat, int[]> pre = new LinkedHashMap<>();
        for (Seat s : members) {
            pre.put(s, preTest(people[s.participant()], group, sw, second, day(sessions.get(0)), random));
        }
        for (int i = 0; i < g.sessionsHeld(); i++) {
            JsonNode session = sessions.get(i);
            UUID id = UUID.fromString(session.get("id").asText());
            Map<UUID, String> attendance = new LinkedHashMap<>();
            for (Seat s : members) {
                double r = random.nextDouble();
                attendance.put(people[s.participant()], r < s.attendance() - 0.05 ? "PRESENT"
                        : r < s.attendance() ? "LATE" : r < s.attendance() + (1 - s.attendance()) / 2 ? "ABSENT" : "EXCUSED");
            }
            pc.attendance(sw, id, attendance);
            ObjectNode record = Api.object();
            record.putArray("objectiveRatings").addObject().put("objective", 1).put("rating", 3 + random.nextInt(3));
            ArrayNode tags = record.putArray("themeTags");
            for (String tag : THEME_TAGS[random.nextInt(THEME_TAGS.length)]) {
                tags.add(tag);
            }
            pc.processRecord(sw, id, record);
            pc.completeSession(sw, id);
            sessionsHeld.incrementAndGet();
            for (Seat s : List.copyOf(members)) {
                if (s.leavesAfter() == i) {
                    pc.withdrawMember(sw, group, people[s.participant()], s.leaveReason());
                    pc.changeStatus(sw, people[s.participant()], "WITHDRAWN", s.leaveReason(), null);
                    members.remove(s);
                    pre.remove(s);
                    withdrawn.incrementAndGet();
                    // session-service hands the freed seat to the head of the wait-list, as here
                    // (a member leaves before the last held session, so the newcomer's first session is held too)
                    Seat next = queue.poll();
                    if (next != null) {
                        members.add(next);
                        seats.incrementAndGet();
                        pre.put(next, preTest(people[next.participant()], group, sw, second, day(sessions.get(i + 1)), random));
                    }
                }
            }
        }
        if (g.stage() == CityPlan.Stage.CLOSED) {
            LocalDate last = day(sessions.get(g.sessionsHeld() - 1));
            for (Map.Entry<Seat, int[]> e : pre.entrySet()) {
                UUID p = people[e.getKey().participant()];
                int ucla = Scale.UCLA_3.clamp(Math.round(e.getValue()[0] - (random.nextGaussian() + 1.2)));
                submit(p, group, sw, Scale.UCLA_3, "POST", ucla, last, random);
                Scale scale = second.equals("GSE-10") ? Scale.GSE_10 : Scale.DJG_6;
                long change = second.equals("GSE-10") ? Math.round(random.nextGaussian() * 3 + 3)
                        : -Math.round(random.nextGaussian() * 1.1 + 1.2);
                submit(p, group, sw, scale, "POST", scale.clamp(e.getValue()[1] + change), last, random);
            }
            pc.groupStatus(sw, group, "CLOSED");
            // participant-service enrolled them from session-service's events; completing is the worker's call
            members.forEach(s -> {
                pc.awaitStatus(sw, people[s.participant()], "ENROLLED");
                pc.changeStatus(sw, people[s.participant()], "COMPLETED", null, null);
            });
        }
    }

    private int[] preTest(UUID participant, UUID group, String sw, String second, LocalDate day, Random random) {
        int ucla = Scale.UCLA_3.draw(7.2, 1.2, random);
        Scale scale = second.equals("GSE-10") ? Scale.GSE_10 : Scale.DJG_6;
        int other = second.equals("GSE-10") ? Scale.GSE_10.draw(22, 4, random) : Scale.DJG_6.draw(4, 1.2, random);
        submit(participant, group, sw, Scale.UCLA_3, "PRE", ucla, day, random);
        submit(participant, group, sw, scale, "PRE", other, day, random);
        return new int[] { ucla, other };
    }

    private void submit(UUID participant, UUID group, String sw, Scale scale, String phase, int score, LocalDate day,
            Random random) {
        pc.submit(sw, participant, group, scale.code(), phase, OffsetDateTime.of(day, LocalTime.of(10, 0), CST),
                "INTERVIEWER", scale.answers(score, random));
        assessments.incrementAndGet();
    }

    private String socialWorker(UUID centre) {
        return tokens.socialWorker("generator.social-worker", centre);
    }

    /** Runs {@code task} for 0 … n−1 on {@code concurrency} threads, with a progress bar; failures are counted. */
    private void stage(String label, int n, IntConsumer task) {
        AtomicInteger next = new AtomicInteger();
        try (Progress bar = new Progress(progress, label, n, pc::requests, terminal)) {
            List<Thread> workers = new ArrayList<>();
            for (int w = 0; w < Math.max(1, settings.concurrency()); w++) {
                Thread worker = new Thread(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        try {
                            task.accept(i);
                        } catch (RuntimeException e) {
                            failures.incrementAndGet();
                            if (firstFailures.size() < 5) {
                                firstFailures.add(label + " #" + i + ": " + e.getMessage());
                            }
                        }
                        bar.step();
                    }
                }, label + "-" + w);
                workers.add(worker);
                worker.start();
            }
            for (Thread worker : workers) {
                worker.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static LocalDate day(JsonNode session) {
        return OffsetDateTime.parse(session.get("startsAt").asText()).toLocalDate();
    }

    private static long count(UUID[] ids) {
        long n = 0;
        for (UUID id : ids) {
            if (id != null) {
                n++;
            }
        }
        return n;
    }
}
