package org.peercircle.tools.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON over HTTP to the four services, with a bearer token per call. Errors become {@link ApiException} with
 * the problem+json body. The services are eventually consistent (one learns of another's change from an
 * event), so {@link #eventually} retries a call while its answer means "not known here yet".
 */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicLong requests = new AtomicLong();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** Requests sent so far, for rates. */
    public long requests() {
        return requests.get();
    }

    public JsonNode get(String url, String token) {
        return send("GET", url, token, null, Map.of());
    }

    public JsonNode post(String url, String token, Object body) {
        return send("POST", url, token, body, Map.of());
    }

    public JsonNode put(String url, String token, Object body) {
        return send("PUT", url, token, body, Map.of());
    }

    public void delete(String url, String token) {
        send("DELETE", url, token, null, Map.of());
    }

    /** One request; a 2xx answer's JSON body (missing node when empty), otherwise an {@link ApiException}. */
    public JsonNode send(String method, String url, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = exchange(method, request.build());
        if (response.statusCode() / 100 != 2) {
            throw new ApiException(method, url, response.statusCode(), response.body());
        }
        try {
            return response.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode()
                    + " with a body that is not JSON: " + response.body(), e);
        }
    }

    /**
     * Sends again, after its Retry-After, a request answered 503: the services answer so when the request got no
     * database connection and saved nothing, so a write is resent too.
     */
    private HttpResponse<String> exchange(String method, HttpRequest request) {
        HttpResponse<String> response = deliver(method, request);
        for (int busy = 0; response.statusCode() == 503 && busy < 5; busy++) {
            sleep(1000L * response.headers().firstValueAsLong("Retry-After").orElse(1));
            response = deliver(method, request);
        }
        return response;
    }

    /** Reads of a service that is busy starting or restarting get a few more tries; writes are not resent. */
    private HttpResponse<String> deliver(String method, HttpRequest request) {
        int attempts = method.equals("GET") ? 5 : 1;
        for (int attempt = 1;; attempt++) {
            try {
                requests.incrementAndGet();
                return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (attempt >= attempts) {
                    throw new UncheckedIOException(method + " " + request.uri() + " failed", e);
                }
                sleep(200L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /**
     * Calls {@code call} until it succeeds, retrying for at most {@code within} while the failure is one that
     * {@code notYet} recognises (say, 404 because the participant's registration event has not reached this
     * service yet). Any other failure, or the last one, is thrown.
     */
    public static <T> T eventually(Duration within, Predicate<ApiException> notYet, Supplier<T> call) {
        Instant deadline = Instant.now().plus(within);
        long pause = 50;
        while (true) {
            try {
                return call.get();
            } catch (ApiException e) {
                if (!notYet.test(e) || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                sleep(pause);
                pause = Math.min(pause * 2, 1000);
            }
        }
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    private static String write(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
