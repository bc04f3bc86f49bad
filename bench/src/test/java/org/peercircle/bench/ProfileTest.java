package org.peercircle.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jdk.jfr.Recording;

/** A real recording of this JVM, summarised from a point in time on. */
class ProfileTest {

    @TempDir
    Path dir;

    @Test
    void samplesBeforeTheWindowAreLeftOut() throws Exception {
        Path jfr = dir.resolve("test.jfr");
        Instant window;
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            spinBeforeTheWindow(Duration.ofMillis(800));
            window = Instant.now();
            spinInTheWindow(Duration.ofMillis(800));
            recording.stop();
            recording.dump(jfr);
        }

        Map<String, Object> all = Profile.summarise(jfr, Instant.EPOCH);
        Map<String, Object> inWindow = Profile.summarise(jfr, window);

        assertThat(frames(all)).anyMatch(f -> f.contains("ProfileTest.spinBeforeTheWindow(java.time.Duration)"))
                .anyMatch(f -> f.contains("ProfileTest.spinInTheWindow(java.time.Duration)"));
        assertThat(frames(inWindow)).noneMatch(f -> f.contains("spinBeforeTheWindow"))
                .anyMatch(f -> f.contains("ProfileTest.spinInTheWindow(java.time.Duration)"));
        assertThat((int) inWindow.get("executionSamples")).isPositive().isLessThan((int) all.get("executionSamples"));
        assertThat(inWindow).containsEntry("since", window.toString());
    }

    @Test
    void parametersAreSpelledAsInJava() {
        assertThat(Profile.parameters("()V")).isEmpty();
        assertThat(Profile.parameters("(I[BLjava/lang/String;[[JZ)C"))
                .isEqualTo("int, byte[], java.lang.String, long[][], boolean");
        assertThat(Profile.parameters("([Ljava/util/List;DFSC)V")).isEqualTo("java.util.List[], double, float, short, char");
        assertThatThrownBy(() -> Profile.parameters("(Q)V")).isInstanceOf(IllegalArgumentException.class);
    }

    @SuppressWarnings("unchecked")
    private static List<String> frames(Map<String, Object> profile) {
        return (List<String>) profile.get("topPeerCircleFrames");
    }

    private static long sink;

    // each spins in its own frame (no shared helper), so that each is the first PeerCircle frame of its samples; a
    // loop of plain arithmetic was seldom sampled (JFR drops a sample it cannot walk)

    private static void spinBeforeTheWindow(Duration d) {
        long end = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < end) {
            sink += Long.toString(sink).length();
        }
    }

    private static void spinInTheWindow(Duration d) {
        long end = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < end) {
            sink += Long.toHexString(sink).length();
        }
    }
}
