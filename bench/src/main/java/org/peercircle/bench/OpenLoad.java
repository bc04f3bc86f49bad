package org.peercircle.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

import org.HdrHistogram.Recorder;

/**
 * Open-model (wrk2-style) load: request i is due at start + i/rate whatever happened to earlier requests, and its
 * latency is measured from that intended start, so a stalled server is charged for the requests it kept waiting
 * (no coordinated omission). Requests due while {@code maxInFlight} are outstanding are counted as dropped.
 */
public final class OpenLoad {

    /** What one run at one rate gave. Latencies in microseconds, from the intended start. */
    public record Result(double offeredRate, double seconds, long sent, long ok, long errors, long dropped,
            double achievedRate, long p50us, long p90us, long p95us, long p99us, long p999us, long maxUs, String firstError) {

        /** Served what was offered, without errors, and without a queue building up. */
        public boolean sustained(long p99LimitUs) {
            return achievedRate >= 0.95 * offeredRate && errors + dropped <= 0.01 * Math.max(1, sent) && p99us <= p99LimitUs;
        }
    }

    private final HttpClient client;
    private final int maxInFlight;

    public OpenLoad(HttpClient client, int maxInFlight) {
        this.client = client;
        this.maxInFlight = maxInFlight;
    }

    public static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
                    Thread t = new Thread(r, "http");
                    t.setDaemon(true);
                    return t;
                })).build();
    }

    /** @param request builds request number i; @param expected the HTTP status that counts as success */
    public Result run(double rate, Duration warmUp, Duration measure, LongFunction<HttpRequest> request, int expected)
            throws InterruptedException {
        return run(rate, warmUp, measure, request, expected, (i, r) -> {
        });
    }

    /** @param onResponse sees each response (with the request's number) as it arrives */
    public Result run(double rate, Duration warmUp, Duration measure, LongFunction<HttpRequest> request, int expected,
            java.util.function.BiConsumer<Long, HttpResponse<String>> onResponse) throws InterruptedException {
        Recorder recorder = new Recorder(3_600_000_000L, 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong dropped = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        AtomicInteger inFlight = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> firstError = new java.util.concurrent.atomic.AtomicReference<>();
        long periodNs = (long) (1e9 / rate);
        long start = System.nanoTime() + 20_000_000L;
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measure.toNanos();
        for (long i = 0;; i++) {
            long intended = start + i * periodNs;
            if (intended >= end) {
                break;
            }
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            boolean counted = intended >= measureFrom;
            if (inFlight.get() >= maxInFlight) {
                if (counted) {
                    dropped.incrementAndGet();
                }
                continue;
            }
            if (counted) {
                sent.incrementAndGet();
            }
            inFlight.incrementAndGet();
            HttpRequest r = request.apply(i);
            long number = i;
            client.sendAsync(r, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                long latencyUs = (System.nanoTime() - intended) / 1000;
                inFlight.decrementAndGet();
                if (response != null) {
                    onResponse.accept(number, response);
                }
                if (!counted) {
                    return;
                }
                if (failure == null && response.statusCode() == expected) {
                    ok.incrementAndGet();
                    recorder.recordValue(Math.min(latencyUs, 3_600_000_000L));
                } else {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, failure != null ? failure.toString()
                            : response.statusCode() + " " + abbreviate(response.body()));
                }
            });
        }
        // let the stragglers of the window finish (they are charged from their intended start)
        long drainUntil = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < drainUntil) {
            Thread.sleep(10);
        }
        var h = recorder.getIntervalHistogram();
        double seconds = measure.toNanos() / 1e9;
        return new Result(rate, seconds, sent.get(), ok.get(), errors.get(), dropped.get() + inFlight.get(),
                ok.get() / seconds, h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(95), h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9), h.getMaxValue(), firstError.get());
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
