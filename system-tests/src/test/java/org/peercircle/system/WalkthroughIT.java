package org.peercircle.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's "Walkthrough": its {@code bash} blocks, run in order by bash against the shared run, with the
 * default ports (8081-8084) pointed at the run's own, so that the copy-paste commands cannot rot.
 */
class WalkthroughIT {

    static final Path README = LocalRun.ROOT.resolve("README.md");
    static final Pattern BASH_BLOCK = Pattern.compile("(?m)^```bash\\n(.*?)^```$", Pattern.DOTALL);
    static final Pattern DEFAULT_PORT = Pattern.compile("localhost:808([1-4])\\b");

    static LocalRun system;

    @BeforeAll
    static void startTheSystem() throws Exception {
        system = LocalRun.shared();
    }

    @Test
    void theReadmeWalkthroughRunsAsWritten() throws Exception {
        List<String> blocks = walkthroughBlocks(Files.readString(README, StandardCharsets.UTF_8));
        assertThat(blocks).as("bash blocks under README's \"## Walkthrough\"").hasSizeGreaterThanOrEqualTo(3);
        String commands = String.join("\n", blocks);
        assertThat(commands).contains("deploy/local/token.sh", "localhost:8081", "localhost:8082", "localhost:8083",
                "localhost:8084");
        assertThat(run("command -v jq")).as("the walkthrough uses jq (Debian package jq)").isZero();

        Matcher port = DEFAULT_PORT.matcher(commands);
        String onThisRun = port.replaceAll(m -> "localhost:" + (system.portBase + Integer.parseInt(m.group(1))));
        Path script = system.home.resolve("walkthrough.sh");
        Files.writeString(script, "set -euo pipefail\n" + onThisRun, StandardCharsets.UTF_8);
        Path log = system.home.resolve("walkthrough.log");
        int exit = run("bash " + script + " > " + log + " 2>&1");
        String output = Files.readString(log, StandardCharsets.UTF_8);

        assertThat(exit).as("the README walkthrough failed:%n%s", output).isZero();
        assertThat(output).contains("ALIENATION-7 ≥ 21", "ENROLLED", "\"instrumentCode\": \"ALIENATION-7\"",
                "\"nPaired\": 1", "\"preMean\": 27", "\"postMean\": 17", "\"meanChange\": -10");
        assertThat(output.lines().filter(l -> l.matches("[1-6]  2026-\\d\\d-\\d\\dT09:30:00\\+08:00  .+ / .+")))
                .as("the six planned sessions in:%n%s", output).hasSize(6);
    }

    /** The {@code bash} blocks between "## Walkthrough" and the next second-level heading. */
    static List<String> walkthroughBlocks(String readme) {
        int start = readme.indexOf("\n## Walkthrough\n");
        assertThat(start).as("README has a \"## Walkthrough\" section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        List<String> blocks = new ArrayList<>();
        Matcher block = BASH_BLOCK.matcher(section);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }

    /** Runs a bash command line in the repository, as a reader would, and answers its exit code. */
    private static int run(String commandLine) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", commandLine).directory(LocalRun.ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("PEERCIRCLE_HOME", system.home.toString());
        pb.environment().put("PEERCIRCLE_PORT_BASE", String.valueOf(system.portBase));
        Process p = pb.start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(commandLine + " did not finish within 3 minutes");
        }
        return p.exitValue();
    }
}
