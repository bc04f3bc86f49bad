package org.peercircle.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * The execution samples of a JFR recording from a point in time on, summarised: the hottest top frames and the
 * hottest PeerCircle frames. A recording can start before the window it explains (see {@link Tools#jfrAtLaunch}).
 */
final class Profile {

    private Profile() {
    }

    static Map<String, Object> summarise(Path jfr, Instant since) throws IOException {
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> app = new HashMap<>();
        int samples = 0;
        try (RecordingFile recording = new RecordingFile(jfr)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")
                        || event.getStartTime().isBefore(since) || event.getStackTrace() == null) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                for (int i = 0; i < frames.size(); i++) {
                    String frame = frame(frames.get(i).getMethod());
                    if (i == 0) {
                        top.merge(frame, 1, Integer::sum);
                    }
                    if (frame.startsWith("org.peercircle")) {
                        app.merge(frame, 1, Integer::sum);
                        break;
                    }
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("recording", jfr.toString());
        result.put("since", since.toString());
        result.put("executionSamples", samples);
        result.put("topFrames", topN(top, samples, 8));
        result.put("topPeerCircleFrames", topN(app, samples, 6));
        return result;
    }

    /** As {@code jfr print} shows a frame: {@code java.lang.StringUTF16.checkIndex(int, byte[])}. */
    static String frame(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName() + "(" + parameters(method.getDescriptor()) + ")";
    }

    /** The parameter types of a method descriptor, as Java spells them: {@code (I[BLjava/lang/String;)V}. */
    static String parameters(String descriptor) {
        List<String> types = new ArrayList<>();
        int i = 1;
        while (descriptor.charAt(i) != ')') {
            int dimensions = 0;
            while (descriptor.charAt(i) == '[') {
                dimensions++;
                i++;
            }
            String type;
            if (descriptor.charAt(i) == 'L') {
                int end = descriptor.indexOf(';', i);
                type = descriptor.substring(i + 1, end).replace('/', '.');
                i = end + 1;
            } else {
                type = switch (descriptor.charAt(i)) {
                    case 'B' -> "byte";
                    case 'C' -> "char";
                    case 'D' -> "double";
                    case 'F' -> "float";
                    case 'I' -> "int";
                    case 'J' -> "long";
                    case 'S' -> "short";
                    case 'Z' -> "boolean";
                    default -> throw new IllegalArgumentException("not a method descriptor: " + descriptor);
                };
                i++;
            }
            types.add(type + "[]".repeat(dimensions));
        }
        return String.join(", ", types);
    }

    private static List<String> topN(Map<String, Integer> counts, int total, int n) {
        List<String> out = new ArrayList<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())).limit(n)
                .forEach(e -> out.add(String.format("%.1f%% %s", 100.0 * e.getValue() / Math.max(1, total), e.getKey())));
        return out;
    }
}
