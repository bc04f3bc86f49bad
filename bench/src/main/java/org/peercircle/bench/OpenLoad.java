package org.peercircle.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;

import org.HdrHistogram.Recorder;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * Open-model (wrk2-style) load: request i is due at start + i/rate whatever happened to earlier requests, and its
 * latency is measured from that intended start, so a stalled server is charged for the requests it kept waiting
 * (no coordinated omission). Requests due while {@code maxInFlight} are outstanding are counted as dropped.
 *
 * <p>The requests go out through one Netty event loop over a pool of keep-alive HTTP/1.1 connections: the load
 * generator shares the machine's two cores with what it measures, so it must cost little per request (the JDK's
 * HttpClient, used before, took about 1.7 ms of CPU per request here, more than the service it was measuring).
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

    /** One HTTP request: method, absolute URL, bearer token, JSON body (null for none), time limit. */
    public record Call(HttpMethod method, String url, String token, String body, Duration timeout) {

        static Call get(String url, String token) {
            return new Call(HttpMethod.GET, url, token, null, Duration.ofSeconds(10));
        }

        static Call post(String url, String token, String json) {
            return new Call(HttpMethod.POST, url, token, json, Duration.ofSeconds(10));
        }

        Call within(Duration limit) {
            return new Call(method, url, token, body, limit);
        }
    }

    /** A response: status and body; status 0 with {@code failure} set when there was none. */
    public record Response(int status, Buffer bytes, Throwable failure) {

        /** The body as text, decoded when asked for (most responses are only counted). */
        String body() {
            return bytes == null ? null : bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        }

        String describe() {
            return failure != null ? failure.toString() : status + " " + abbreviate(body());
        }
    }

    static {
        // the services' answers are checked by their tests, not by the load generator: skip Vert.x's per-character
        // validation of every header it writes and reads
        System.setProperty("vertx.disableHttpHeadersValidation", "true");
    }

    private static final Vertx VERTX = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
            .setInternalBlockingPoolSize(1).setBlockedThreadCheckInterval(60_000));

    private final HttpClient client;
    private final int maxInFlight;

    /** @param connections keep-alive connections per server, like wrk's -c */
    public OpenLoad(int connections, int maxInFlight) {
        this.client = VERTX.createHttpClient(new HttpClientOptions().setKeepAlive(true).setPipelining(false)
                .setConnectTimeout(5000).setTcpNoDelay(true),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
        this.maxInFlight = maxInFlight;
    }

    public OpenLoad(int maxInFlight) {
        this(64, maxInFlight);
    }

    /** Sends one request on this load's connections. */
    public CompletableFuture<Response> send(Call call) {
        // http://host:port/path?query, as Sys.url makes them
        String url = call.url();
        int hostAt = url.indexOf("://") + 3;
        int portAt = url.indexOf(':', hostAt);
        int pathAt = url.indexOf('/', hostAt);
        RequestOptions options = new RequestOptions().setMethod(call.method()).setHost(url.substring(hostAt, portAt))
                .setPort(Integer.parseInt(url.substring(portAt + 1, pathAt))).setURI(url.substring(pathAt))
                .setIdleTimeout(call.timeout().toMillis());
        if (call.token() != null) {
            options.putHeader("Authorization", "Bearer " + call.token());
        }
        if (call.body() != null) {
            options.putHeader("Content-Type", "application/json");
        }
        CompletableFuture<Response> done = new CompletableFuture<>();
        client.request(options)
                .compose(request -> (call.body() == null ? request.send() : request.send(Buffer.buffer(call.body())))
                        .compose(response -> response.body().map(b -> new Response(response.statusCode(), b, null))))
                .onComplete(ar -> done.complete(ar.succeeded() ? ar.result() : new Response(0, null, ar.cause())));
        return done;
    }

    /** @param request builds request number i; @param expected the HTTP status that counts as success */
    public Result run(double rate, Duration warmUp, Duration measure, LongFunction<Call> request, int expected)
            throws InterruptedException {
        return run(rate, warmUp, measure, request, expected, (i, r) -> {
        });
    }

    /** @param onResponse sees each response (with the request's number) as it arrives */
    public Result run(double rate, Duration warmUp, Duration measure, LongFunction<Call> request, int expected,
            java.util.function.BiConsumer<Long, Response> onResponse) throws InterruptedException {
        Recorder recorder = new Recorder(3_600_000_000L, 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong dropped = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        double periodNs = 1e9 / rate;
        long start = System.nanoTime() + 20_000_000L;
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measure.toNanos();
        // The schedule runs on the client's own event loop: every millisecond it sends what has fallen due (wrk2
        // does the same), so no request costs a hand-over between threads. A request sent up to a tick late is
        // charged from its intended start, like any other wait.
        java.util.concurrent.CountDownLatch scheduled = new java.util.concurrent.CountDownLatch(1);
        long[] next = { 0 };
        VERTX.getOrCreateContext().runOnContext(v -> VERTX.setPeriodic(1, timer -> {
            long now = System.nanoTime();
            while (true) {
                long i = next[0];
                long intended = start + (long) (i * periodNs);
                if (intended >= end) {
                    VERTX.cancelTimer(timer);
                    scheduled.countDown();
                    return;
                }
                if (intended > now) {
                    return;
                }
                next[0]++;
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
                send(request.apply(i)).thenAccept(response -> {
                    long latencyUs = (System.nanoTime() - intended) / 1000;
                    inFlight.decrementAndGet();
                    if (response.failure() == null) {
                        onResponse.accept(i, response);
                    }
                    if (!counted) {
                        return;
                    }
                    if (response.failure() == null && response.status() == expected) {
                        ok.incrementAndGet();
                        recorder.recordValue(Math.min(latencyUs, 3_600_000_000L));
                    } else {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, response.describe());
                    }
                });
            }
        }));
        scheduled.await();
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
