package dev.orgbff.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the service's CPU went, from a JDK Flight Recorder recording's execution samples: each sample is put
 * down to the library of its first frame outside the JDK's own code (so a {@code HashMap} lookup counts for
 * whoever made it; the JDK's crypto counts as JWT verification), and its top frame is tallied as the hottest
 * methods. Samples cover Java code only: GC and JIT time is in the process CPU time, not here.
 *
 * @param samples execution samples in the recording
 * @param byArea share of the samples per library, largest first (fractions of 1)
 * @param hottest the methods most often on top of the stack, with their share, largest first
 */
record ProfileSummary(long samples, Map<String, Double> byArea, Map<String, Double> hottest) {

    private static final int HOTTEST = 15;

    private static final List<String[]> AREAS = List.of(
            new String[] {"sun.security.", "JDK crypto (JWT signatures; TLS to an https Logto)"},
            new String[] {"com.nimbusds.", "JWT parsing (Nimbus)"},
            new String[] {"org.springframework.security.", "Spring Security"},
            new String[] {"graphql.", "graphql-java"},
            new String[] {"org.dataloader.", "java-dataloader"},
            new String[] {"org.springframework.graphql.", "Spring for GraphQL"},
            new String[] {"tools.jackson.", "JSON (Jackson)"},
            new String[] {"com.fasterxml.jackson.", "JSON (Jackson)"},
            new String[] {"io.netty.", "Netty"},
            new String[] {"reactor.netty.", "Reactor Netty"},
            new String[] {"reactor.", "Reactor"},
            new String[] {"io.micrometer.", "Micrometer"},
            new String[] {"ch.qos.logback.", "logging"},
            new String[] {"org.slf4j.", "logging"},
            new String[] {"com.github.benmanes.caffeine.", "Caffeine"},
            new String[] {"org.springframework.web.", "Spring WebFlux/Web"},
            new String[] {"org.springframework.http.", "Spring WebFlux/Web"},
            new String[] {"org.springframework.", "Spring (other)"},
            new String[] {"dev.orgbff.", "this service"});

    /** The samples of {@code recording} taken from {@code since} on (the measurements, not the start-up and JIT warm-up). */
    static ProfileSummary of(Path recording, Instant since) throws IOException {
        Map<String, Long> areas = new TreeMap<>();
        Map<String, Long> methods = new TreeMap<>();
        long samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStartTime().isBefore(since)
                    || event.getStackTrace() == null || event.getStackTrace().getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            methods.merge(name(frames.get(0)), 1L, Long::sum);
            areas.merge(area(frames), 1L, Long::sum);
        }
        return new ProfileSummary(samples, shares(areas, samples, Integer.MAX_VALUE), shares(methods, samples, HOTTEST));
    }

    private static String area(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (String[] area : AREAS) {
                if (type.startsWith(area[0])) {
                    return area[1];
                }
            }
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                return "other";
            }
        }
        return "JDK (threads, I/O)";
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static Map<String, Double> shares(Map<String, Long> counts, long total, int limit) {
        Map<String, Double> shares = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(limit)
                .forEach(entry -> shares.put(entry.getKey(), total == 0 ? 0 : entry.getValue() / (double) total));
        return shares;
    }
}
