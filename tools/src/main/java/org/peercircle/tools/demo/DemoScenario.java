package org.peercircle.tools.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.peercircle.tools.api.Api;
import org.peercircle.tools.api.ApiException;
import org.peercircle.tools.api.PeerCircle;
import org.peercircle.tools.api.Tokens;
import org.peercircle.tools.synthetic.Synthetic;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The demo: three centres and their groups, made through the services' REST APIs with a fixed seed, so the
 * dashboards show the same numbers every time. Loading it into a system that already has it does nothing
 * (the T Community centre is the mark).
 */
public final class DemoScenario {

    public static final long SEED = 20260901L;

    private final PeerCircle pc;
    private final Tokens tokens;
    private final PrintStream log;

    public DemoScenario(PeerCircle pc, Tokens tokens, PrintStream log) {
        this.pc = pc;
        this.tokens = tokens;
        this.log = log;
    }

    /** The groups the demo made, with the instruments measured before and after. */
    public record Loaded(boolean alreadyThere, List<DemoGroup> groups) {
    }

    public Loaded load() {
        if (pc.centreNamed(tokens.coordinator(), OldDriftersStory.CENTRE).isPresent()) {
            log.println("The demo is already loaded (centre " + OldDriftersStory.CENTRE + " exists); nothing to do.");
            return new Loaded(true, List.of());
        }
        long started = System.nanoTime();
        DemoContext context = new DemoContext(pc, tokens, new Synthetic(new Random(SEED)), log);
        List<Story> stories = List.of(new OldDriftersStory(context), new VillageStory(context),
                new SpiritualComfortStory(context));
        log.println("Loading the demo (seed " + SEED + ") ...");
        List<DemoGroup> groups = new ArrayList<>();
        for (Story story : stories) {
            story.tell();
            groups.addAll(story.groups);
        }
        log.println("Waiting for reporting-service to catch up ...");
        for (DemoGroup g : groups) {
            log.println("  " + g.name() + ": " + outcomesOf(g));
        }
        log.printf(Locale.ROOT, "Demo loaded in %.0f s.%n", (System.nanoTime() - started) / 1e9);
        return new Loaded(false, groups);
    }

    /** Waits until reporting pairs every member's PRE and POST score, and describes the outcome in one line. */
    private String outcomesOf(DemoGroup g) {
        JsonNode outcomes = Api.eventually(Duration.ofSeconds(120), e -> e.status() == 404 || e.status() == 412, () -> {
            JsonNode o = pc.groupOutcomes(tokens.analyst(), g.id());
            for (String instrument : g.instruments()) {
                JsonNode total = instrument(o, instrument).path("total");
                if (total.path("nPaired").asInt() != g.members()) {
                    throw new ApiException("GET", "outcomes of " + g.name(), 412, instrument + " has "
                            + total.path("nPaired").asInt() + " pairs of " + g.members());
                }
            }
            return o;
        });
        StringBuilder line = new StringBuilder();
        for (String instrument : g.instruments()) {
            JsonNode total = instrument(outcomes, instrument).path("total");
            line.append(line.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%s %.1f → %.1f (n=%d, p=%.3f)",
                    instrument, total.path("preMean").asDouble(), total.path("postMean").asDouble(),
                    total.path("nPaired").asInt(), total.path("tTest").path("p").asDouble()));
        }
        return line.toString();
    }

    private static JsonNode instrument(JsonNode outcomes, String code) {
        for (JsonNode i : outcomes.path("instruments")) {
            if (i.path("instrumentCode").asText().equals(code)) {
                return i;
            }
        }
        return Api.object();
    }
}
