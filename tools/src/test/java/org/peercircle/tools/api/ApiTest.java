package org.peercircle.tools.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The generator's client against a real HTTP server on loopback that answers as a busy service does. */
class ApiTest {

    HttpServer server;
    final AtomicInteger calls = new AtomicInteger();
    volatile int busyAnswers;
    volatile int failingStatus = 503;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/groups", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        boolean busy = calls.incrementAndGet() <= busyAnswers;
        byte[] body = (busy ? "{\"status\":" + failingStatus + "}" : "{\"id\":\"g1\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (busy) {
            exchange.getResponseHeaders().add("Retry-After", "0");
        }
        exchange.sendResponseHeaders(busy ? failingStatus : 201, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/groups";
    }

    @Test
    void aWriteAnswered503IsSentAgainAfterItsRetryAfter() {
        busyAnswers = 2;

        assertThat(new Api().post(url(), "token", Api.object().put("title", "x")).path("id").asText()).isEqualTo("g1");
        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void aServiceThatStaysBusyIsReportedAfterAFewTries() {
        busyAnswers = 100;

        assertThatThrownBy(() -> new Api().post(url(), "token", Api.object()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("503"));
        assertThat(calls.get()).isEqualTo(6);
    }

    @Test
    void aWriteAnsweredWithAnyOtherErrorIsNotSentAgain() {
        busyAnswers = 1;
        failingStatus = 500;

        assertThatThrownBy(() -> new Api().post(url(), "token", Api.object())).isInstanceOf(ApiException.class);
        assertThat(calls.get()).isEqualTo(1);
    }
}
