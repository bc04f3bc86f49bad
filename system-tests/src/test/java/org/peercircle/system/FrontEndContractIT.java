package org.peercircle.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The front end's contract: each service's OpenAPI document as kept in {@code docs/openapi/}, and the typed
 * TypeScript client generated from those files ({@code clients/typescript}), which must type-check and walk the
 * journey against the running system. A deliberate API change rewrites the files with
 * {@code -Dopenapi.write=true}; commit them with the change.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FrontEndContractIT {

    static final List<String> SERVICES = List.of("participant", "session", "assessment", "reporting");
    static final Path DOCS = LocalRun.ROOT.resolve("docs/openapi");
    static final Path CLIENT = LocalRun.ROOT.resolve("clients/typescript");
    static final ObjectMapper JSON = new ObjectMapper();

    static LocalRun system;

    @BeforeAll
    static void startTheSystem() throws Exception {
        system = LocalRun.shared();
    }

    @Test
    @Order(1)
    void eachServicesOpenApiDocumentIsTheOneKeptInDocs() throws IOException {
        boolean write = Boolean.getBoolean("openapi.write");
        List<String> stale = new ArrayList<>();
        for (String service : SERVICES) {
            String live = given().baseUri(system.url(service)).queryParam("format", "json")
                    .when().get("/q/openapi").then().statusCode(200).extract().asString();
            JsonNode document = JSON.readTree(live);
            Path file = DOCS.resolve(service + "-service.json");
            if (write) {
                Files.createDirectories(DOCS);
                Files.writeString(file, pretty(document), StandardCharsets.UTF_8);
                continue;
            }
            assertThat(file).as("the OpenAPI document of %s-service is kept in docs/openapi", service).exists();
            List<String> differences = new ArrayList<>();
            compare("", JSON.readTree(file.toFile()), document, differences);
            if (!differences.isEmpty()) {
                stale.add("docs/openapi/" + service + "-service.json differs from the running service in "
                        + differences.size() + " place(s):\n    " + String.join("\n    ",
                                differences.subList(0, Math.min(20, differences.size()))));
            }
        }
        assertThat(stale).as("""
                The APIs changed. If that is deliberate, rewrite the documents and commit them with the change:
                  ./mvnw -B verify -pl system-tests -Dit.test=FrontEndContractIT -Dopenapi.write=true
                """).isEmpty();
    }

    @Test
    @Order(2)
    void theTypeScriptClientGeneratedFromThemTypeChecksAndWalksTheJourney() throws Exception {
        npm("ci", "--no-audit", "--no-fund");
        npm("run", "generate");
        npm("run", "typecheck");
        npm("run", "build");
        String walk = npm("run", "walkthrough");
        assertThat(walk).contains("registered", "ELIGIBLE", "enrolled", "POST ALIENATION-7", "outcomes", "walkthrough done");
    }

    /** Runs npm in clients/typescript against the running system and answers its output; fails on a non-zero exit. */
    private static String npm(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("npm"));
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile(LocalRun.ROOT.resolve("system-tests/target"), "npm", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(CLIENT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("PEERCIRCLE_HOME", system.home.toString());
        env.put("PEERCIRCLE_PORT_BASE", String.valueOf(system.portBase));
        Process p = pb.start();
        boolean finished = p.waitFor(5, TimeUnit.MINUTES);
        String output = Files.readString(log);
        if (!finished) {
            p.destroyForcibly();
        }
        assertThat(finished && p.exitValue() == 0).as("npm %s failed:%n%s", String.join(" ", arguments), output).isTrue();
        return output;
    }

    /** {@code "name": value}, two-space indentation and a final newline, so that a rewritten file diffs well. */
    static String pretty(JsonNode document) throws IOException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n"));
        return JSON.writer(printer).writeValueAsString(document) + "\n";
    }

    /** Lists where {@code actual} differs from {@code expected}, as JSON pointers (member order is ignored). */
    static void compare(String at, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected.isObject() && actual.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String path = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!actual.has(name)) {
                    out.add(path + " is gone");
                } else if (!expected.has(name)) {
                    out.add(path + " is new: " + abbreviate(actual.get(name)));
                } else {
                    compare(path, expected.get(name), actual.get(name), out);
                }
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            Iterator<JsonNode> e = expected.elements();
            Iterator<JsonNode> a = actual.elements();
            for (int i = 0; e.hasNext(); i++) {
                compare(at + "/" + i, e.next(), a.next(), out);
            }
        } else if (!expected.equals(actual)) {
            out.add(at + " was " + abbreviate(expected) + ", is " + abbreviate(actual));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
