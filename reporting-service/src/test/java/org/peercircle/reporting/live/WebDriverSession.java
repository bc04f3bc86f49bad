package org.peercircle.reporting.live;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Drives Debian's headless Chromium through chromedriver with the W3C WebDriver protocol (plain HTTP + JSON), so the
 * test needs no client library whose dependencies would mix with Quarkus's. Driver and browser paths are explicit:
 * {@code /usr/bin/chromedriver} and {@code /usr/bin/chromium}, or the system properties
 * {@code peercircle.chromedriver} and {@code peercircle.chromium}.
 */
final class WebDriverSession implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CHROMIUM_ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-dev-shm-usage", "--window-size=1280,2000", "--lang=zh-CN");

    private final Process driver;
    private final Path log;
    private final String base;
    private final String session;
    private final HttpClient http = HttpClient.newHttpClient();

    private WebDriverSession(Process driver, Path log, String base) throws Exception {
        this.driver = driver;
        this.log = log;
        this.base = base;
        awaitDriver();
        JsonNode created = send("POST", "/session", Map.of("capabilities", Map.of("alwaysMatch", Map.of(
                "browserName", "chrome",
                "goog:chromeOptions", Map.of("binary", System.getProperty("peercircle.chromium", "/usr/bin/chromium"),
                        "args", CHROMIUM_ARGS)))));
        this.session = created.path("sessionId").asText();
    }

    static WebDriverSession start() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = Files.createTempFile("chromedriver", ".log");
        Process p = new ProcessBuilder(System.getProperty("peercircle.chromedriver", "/usr/bin/chromedriver"),
                "--port=" + port).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new WebDriverSession(p, log, "http://localhost:" + port);
    }

    void open(String url) throws Exception {
        send("POST", "/session/" + session + "/url", Map.of("url", url));
    }

    /** Runs {@code script} (a function body; arguments as {@code arguments[i]}) in the page and returns its value. */
    JsonNode execute(String script, Object... args) throws Exception {
        return send("POST", "/session/" + session + "/execute/sync", Map.of("script", script, "args", List.of(args)));
    }

    String text(String script, Object... args) throws Exception {
        JsonNode v = execute(script, args);
        return v.isNull() ? null : v.asText();
    }

    private void awaitDriver() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!driver.isAlive()) {
                throw new IllegalStateException("chromedriver exited: " + Files.readString(log));
            }
            try {
                if (send("GET", "/status", null).path("ready").asBoolean()) {
                    return;
                }
            } catch (IOException notYet) {
                // keep waiting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("chromedriver did not start: " + Files.readString(log));
    }

    private JsonNode send(String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode value = JSON.readTree(response.body()).path("value");
        if (response.statusCode() >= 400) {
            throw new IllegalStateException("WebDriver " + method + " " + path + " failed: " + response.body());
        }
        return value;
    }

    @Override
    public void close() throws Exception {
        try {
            if (session != null) {
                send("DELETE", "/session/" + session, null);
            }
        } finally {
            driver.destroy();
            driver.waitFor();
            Files.deleteIfExists(log);
        }
    }
}
