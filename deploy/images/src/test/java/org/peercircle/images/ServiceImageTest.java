package org.peercircle.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peercircle.contracts.Topics;
import org.peercircle.images.OciArchive.Entry;
import org.peercircle.images.OciArchive.Layer;
import org.peercircle.infra.KafkaBroker;
import org.peercircle.infra.Ports;
import org.peercircle.infra.PostgresServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The participant-service image made by {@code deploy/images/build.sh}: a valid OCI archive whose layers go
 * from the Debian base through the jlinked runtime to the Quarkus fast-jar; byte-identical when rebuilt from
 * nothing; and, unpacked and started the way a container runtime starts it, a working service running as
 * uid 185 on a read-only root against a real PostgreSQL and Kafka.
 */
class ServiceImageTest {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final String SERVICE = "participant-service";
    static final String TAG = System.getProperty("peercircle.version", "1.0.0-SNAPSHOT");
    static final Path QUARKUS_APP = ROOT.resolve(SERVICE).resolve("target/quarkus-app");
    static final Path WORK = Path.of("target/image-test").toAbsolutePath();
    static final long FIXED_EPOCH = 315532800L; // build.sh's mtime of the base and JRE layers
    static final ObjectMapper JSON = new ObjectMapper();

    static Path archive;
    static String archiveDigest;
    static OciArchive image;

    @BeforeAll
    static void buildTheImage() throws Exception {
        deleteTree(WORK);
        Files.createDirectories(WORK);
        buildSh(Map.of(), "build");
        archive = ROOT.resolve(SERVICE + "/target/image/" + SERVICE + "-" + TAG + ".oci.tar");
        assertThat(archive).isRegularFile();
        archiveDigest = OciArchive.sha256(archive);
        image = OciArchive.open(archive, Files.createDirectories(WORK.resolve("layout")));
    }

    @AfterAll
    static void cleanUp() throws IOException {
        deleteTree(WORK);
    }

    @Test
    void theArchiveIsAnOciLayoutWhoseDigestsAndSizesMatchTheirBlobs() throws Exception {
        assertThat(image.archiveEntries).contains("oci-layout", "index.json", "manifest.json");
        assertThat(JSON.readTree(image.layout.resolve("oci-layout").toFile()).get("imageLayoutVersion").asText())
                .isEqualTo("1.0.0");

        assertThat(image.index.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(image.index.get("manifests")).hasSize(1);
        JsonNode toManifest = image.index.get("manifests").get(0);
        assertThat(toManifest.get("mediaType").asText()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        assertThat(toManifest.get("annotations").get("org.opencontainers.image.ref.name").asText())
                .isEqualTo("peercircle/" + SERVICE + ":" + TAG);

        assertThat(image.manifest.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(image.manifest.get("config").get("mediaType").asText())
                .isEqualTo("application/vnd.oci.image.config.v1+json");
        List<JsonNode> descriptors = new ArrayList<>(List.of(toManifest, image.manifest.get("config")));
        image.manifest.get("layers").forEach(descriptors::add);
        for (JsonNode d : descriptors) {
            Path blob = image.blob(d.get("digest").asText());
            assertThat(Files.size(blob)).as("size of %s", d.get("digest")).isEqualTo(d.get("size").asLong());
            assertThat(OciArchive.sha256(blob)).as("digest of %s", blob.getFileName())
                    .isEqualTo(d.get("digest").asText());
        }
        try (Stream<Path> blobs = Files.list(image.layout.resolve("blobs/sha256"))) {
            assertThat(blobs.map(b -> "sha256:" + b.getFileName()))
                    .as("every blob is referenced").containsExactlyInAnyOrderElementsOf(
                            descriptors.stream().map(d -> d.get("digest").asText()).toList());
        }

        assertThat(image.layers).extracting(l -> l.descriptor().get("mediaType").asText())
                .containsOnly("application/vnd.oci.image.layer.v1.tar+gzip");
        assertThat(image.config.get("rootfs").get("type").asText()).isEqualTo("layers");
        assertThat(texts(image.config.get("rootfs").get("diff_ids")))
                .as("diff_ids are the digests of the uncompressed layers, in order")
                .containsExactlyElementsOf(image.layers.stream().map(Layer::uncompressedDigest).toList());
        assertThat(image.config.get("history")).hasSameSizeAs(image.layers);

        // the docker-archive view of the same blobs, for docker load and crane push
        JsonNode docker = JSON.readTree(image.layout.resolve("manifest.json").toFile()).get(0);
        assertThat(docker.get("Config").asText())
                .isEqualTo("blobs/sha256/" + image.manifest.get("config").get("digest").asText().substring(7));
        assertThat(texts(docker.get("RepoTags"))).containsExactly("peercircle/" + SERVICE + ":" + TAG);
        assertThat(texts(docker.get("Layers"))).containsExactlyElementsOf(image.layers.stream()
                .map(l -> "blobs/sha256/" + l.descriptor().get("digest").asText().substring(7)).toList());
    }

    @Test
    void theConfigStartsTheQuarkusLauncherAsNonRootUser185OnPort8080AsTheDeploymentExpects() throws Exception {
        JsonNode c = image.config.get("config");
        assertThat(image.config.get("os").asText()).isEqualTo("linux");
        assertThat(image.config.get("architecture").asText()).isEqualTo("amd64");
        assertThat(c.get("User").asText()).isEqualTo("185:185");
        assertThat(texts(c.get("Entrypoint"))).containsExactly("/opt/java/bin/java", "-jar",
                "/deployments/quarkus-run.jar");
        assertThat(c.get("Cmd")).isNull();
        assertThat(c.get("WorkingDir").asText()).isEqualTo("/deployments");
        assertThat(fieldNames(c.get("ExposedPorts"))).containsExactly("8080/tcp");
        assertThat(texts(c.get("Env"))).contains("QUARKUS_HTTP_PORT=8080", "JAVA_HOME=/opt/java", "LANG=C.UTF-8")
                .anySatisfy(v -> assertThat(v).startsWith("PATH=/opt/java/bin:"))
                .noneSatisfy(v -> assertThat(v).startsWith("JAVA_TOOL_OPTIONS="));
        JsonNode labels = c.get("Labels");
        assertThat(labels.get("org.opencontainers.image.title").asText()).isEqualTo(SERVICE);
        assertThat(labels.get("org.opencontainers.image.version").asText()).isEqualTo(TAG);
        assertThat(labels.get("org.opencontainers.image.source").asText()).isNotBlank();

        String deployment = Files.readString(ROOT.resolve("deploy/k8s/base/" + SERVICE + ".yaml"));
        assertThat(yamlValue(deployment, "runAsUser: (\\d+)") + ":" + yamlValue(deployment, "runAsGroup: (\\d+)"))
                .as("the pod's securityContext runs the image's user").isEqualTo(c.get("User").asText());
        assertThat(yamlValue(deployment, "containerPort: (\\d+)") + "/tcp").isEqualTo("8080/tcp");
        assertThat(yamlValue(deployment, "image: ([^\\s]+)")).startsWith("peercircle/" + SERVICE + ":");
    }

    @Test
    void theLayersGoFromTheDebianBaseToTheServiceAndNothingInThemIsWritableByTheService() throws Exception {
        assertThat(image.layers).hasSize(5);
        Layer base = image.layers.get(0);
        Layer jre = image.layers.get(1);
        Layer libraries = image.layers.get(2);
        Layer ownModules = image.layers.get(3);
        Layer service = image.layers.get(4);

        assertThat(base.entries()).noneMatch(e -> e.path().startsWith("opt/") || e.path().startsWith("deployments"));
        assertThat(base.text("etc/passwd")).contains("\npeercircle:x:185:185:");
        assertThat(base.text("etc/group")).contains("\npeercircle:x:185:");
        assertThat(base.entry("tmp").isDirectory()).isTrue();
        assertThat(base.entry("tmp").mode()).isEqualTo(01777);
        assertThat(base.entry("lib64/ld-linux-x86-64.so.2").isSymlink()).isTrue();
        assertThat(base.entries()).extracting(Entry::path).contains("lib/x86_64-linux-gnu/libc.so.6",
                "usr/lib/x86_64-linux-gnu/libstdc++.so.6", "lib/x86_64-linux-gnu/libz.so.1",
                "usr/lib/locale/C.utf8/LC_CTYPE", "usr/share/zoneinfo/Asia/Shanghai", "etc/services",
                "var/lib/dpkg/status.d/libc6");
        assertThat(base.entry("etc/ssl/certs/ca-certificates.crt").size()).isGreaterThan(100_000);
        assertThat(base.text("usr/lib/os-release")).as("what scanners read").contains("ID=debian");

        assertThat(jre.entries()).allMatch(e -> e.path().equals("opt") || e.path().startsWith("opt/java"));
        assertThat(jre.entry("opt/java/bin/java").mode() & 0111).isEqualTo(0111);
        String release = jre.text("opt/java/release");
        assertThat(release).contains("JAVA_VERSION=\"17.");
        assertThat(release.lines().filter(l -> l.startsWith("MODULES=")).findFirst().orElseThrow())
                .contains("java.sql", "java.naming", "java.management", "jdk.unsupported", "jdk.crypto.ec",
                        "jdk.localedata", "jdk.charsets")
                .doesNotContain("jdk.compiler", "jdk.jshell");

        for (Layer app : List.of(libraries, ownModules, service)) {
            assertThat(app.entries()).allMatch(e -> e.path().startsWith("deployments"));
        }
        assertThat(files(libraries)).isNotEmpty().noneMatch(p -> p.contains("/org.peercircle."));
        assertThat(files(ownModules)).isNotEmpty().allMatch(p -> p.startsWith("deployments/lib/main/org.peercircle."));
        assertThat(files(service)).contains("deployments/quarkus-run.jar", "deployments/quarkus/quarkus-application.dat")
                .noneMatch(p -> p.startsWith("deployments/lib/"));
        Map<String, Long> inImage = new TreeMap<>();
        for (Layer app : List.of(libraries, ownModules, service)) {
            app.entries().stream().filter(Entry::isFile)
                    .forEach(e -> inImage.put(e.path().substring("deployments/".length()), e.size()));
        }
        assertThat(inImage).as("the whole fast-jar, nothing else").isEqualTo(fastJarFiles());

        for (Layer layer : image.layers) {
            List<String> paths = layer.entries().stream().map(Entry::path).toList();
            assertThat(paths).as("entries sorted").isSorted().doesNotHaveDuplicates()
                    .noneMatch(p -> p.contains(".wh."));
            assertThat(layer.entries()).as("owned by root").allMatch(e -> e.uid() == 0 && e.gid() == 0);
            assertThat(layer.entries()).as("writable by others only when sticky")
                    .allMatch(e -> e.isSymlink() || (e.mode() & 0002) == 0 || (e.isDirectory() && (e.mode() & 01000) != 0));
            assertThat(layer.entries()).as("no set-user-id or set-group-id programs")
                    .noneMatch(e -> e.isFile() && (e.mode() & 06000) != 0);
            assertThat(layer.entries()).extracting(Entry::mtime).as("one mtime per layer").containsOnly(
                    layer == base || layer == jre ? FIXED_EPOCH : service.entries().get(0).mtime());
        }
    }

    @Test
    void rebuildingFromAnEmptyCacheGivesTheSameArchive() throws Exception {
        Path freshCache = WORK.resolve("fresh-cache");
        buildSh(Map.of("PEERCIRCLE_IMAGE_CACHE", freshCache.toString()), "rebuild");
        assertThat(OciArchive.sha256(archive)).as("archive rebuilt with a fresh package download and jlink")
                .isEqualTo(archiveDigest);
        deleteTree(freshCache);
    }

    @Test
    void theImageRunsAsUid185OnAReadOnlyRootAndAnswersReadyAgainstPostgresAndKafka() throws Exception {
        assumeTrue(ContainerRun.possibleHere(), "running the image without a container runtime needs root and unshare");
        Path rootfs = WORK.resolve("rootfs");
        ContainerRun.unpack(image, rootfs);

        try (PostgresServer postgres = PostgresServer.startTemporary();
                KafkaBroker kafka = new KafkaBroker(Ports.free(), Files.createDirectories(WORK.resolve("kafka")), 1)
                        .start()) {
            postgres.createDatabases(List.of("participant"));
            kafka.createTopics(Topics.ALL);
            var keys = KeyPairGenerator.getInstance("RSA");
            keys.initialize(2048);
            int port = Ports.free();
            String deployment = Files.readString(ROOT.resolve("deploy/k8s/base/" + SERVICE + ".yaml"));
            Map<String, String> env = new HashMap<>(Map.of(
                    "QUARKUS_HTTP_PORT", String.valueOf(port),
                    "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("participant"),
                    "QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER,
                    "QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD,
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "QUARKUS_OIDC_PUBLIC_KEY",
                    java.util.Base64.getEncoder().encodeToString(keys.generateKeyPair().getPublic().getEncoded()),
                    // the Deployment's options; MaxRAM stands in for its 512Mi memory limit
                    "JAVA_TOOL_OPTIONS",
                    yamlValue(deployment, "name: JAVA_TOOL_OPTIONS\\s+value: \"([^\"]+)\"") + " -XX:MaxRAM=512m"));

            String log;
            try (ContainerRun container = ContainerRun.start(image, rootfs, env, Path.of("target/" + SERVICE + "-container.log"))) {
                ProcessHandle pid1 = container.entrypointProcess(Duration.ofSeconds(30));
                String ready = container.awaitOk(URI.create("http://localhost:" + port + "/q/health/ready"),
                        Duration.ofSeconds(120));

                JsonNode health = JSON.readTree(ready);
                assertThat(health.get("status").asText()).isEqualTo("UP");
                assertThat(health.get("checks")).allSatisfy(check -> assertThat(check.get("status").asText())
                        .as(check.get("name").asText()).isEqualTo("UP"));
                assertThat(health.get("checks")).extracting(check -> check.get("name").asText().toLowerCase())
                        .anyMatch(name -> name.contains("database")).anyMatch(name -> name.contains("kafka"));

                String status = ContainerRun.procFile(pid1.pid(), "status");
                assertThat(ContainerRun.split(status, "Uid")).as("real, effective, saved, fs uid").containsOnly("185");
                assertThat(ContainerRun.split(status, "Gid")).containsOnly("185");
                assertThat(ContainerRun.split(status, "Groups")).as("no supplementary groups").isEmpty();
                String[] nsPid = ContainerRun.split(status, "NSpid");
                assertThat(nsPid[nsPid.length - 1]).as("PID 1 in its namespace").isEqualTo("1");
                List<String[]> mounts = ContainerRun.procFile(pid1.pid(), "mountinfo").lines()
                        .map(l -> l.split(" ")).toList();
                assertThat(mounts).filteredOn(m -> m[4].equals("/")).singleElement()
                        .satisfies(m -> assertThat(m[5].split(",")).as("root mount options").contains("ro"));
                assertThat(mounts).filteredOn(m -> m[4].equals("/tmp")).singleElement()
                        .satisfies(m -> assertThat(m[5].split(",")).contains("rw"));

                HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/centres")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(anonymous.statusCode()).as("the service's own endpoints, secured").isEqualTo(401);

                container.stop(Duration.ofSeconds(30));
                assertThat(container.isRunning()).isFalse();
                log = container.log();
            }
            assertThat(log).contains("Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=75")
                    .as("SIGTERM to PID 1 shuts Quarkus down gracefully").contains("stopped in");
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("participant"), PostgresServer.USER,
                    PostgresServer.PASSWORD);
                    ResultSet rs = c.createStatement().executeQuery(
                            "SELECT count(*) FROM flyway_schema_history WHERE success")) {
                rs.next();
                assertThat(rs.getInt(1)).as("migrations applied from inside the image").isGreaterThanOrEqualTo(2);
            }
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private static void buildSh(Map<String, String> env, String name) throws Exception {
        Path log = WORK.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("deploy/images/build.sh").toString(), SERVICE)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        long started = System.nanoTime();
        Process p = builder.start();
        boolean done = p.waitFor(10, TimeUnit.MINUTES);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(done && p.exitValue() == 0).as("build.sh %s failed:%n%s", SERVICE, output).isTrue();
        System.out.printf("%s of %s took %d s:%n%s", name, SERVICE,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), output);
    }

    /** The files of target/quarkus-app that belong in the image, with their sizes. */
    private static Map<String, Long> fastJarFiles() throws IOException {
        try (Stream<Path> files = Files.walk(QUARKUS_APP)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals("quarkus-app-dependencies.txt"))
                    .collect(Collectors.toMap(f -> QUARKUS_APP.relativize(f).toString(), f -> f.toFile().length(),
                            (a, b) -> a, TreeMap::new));
        }
    }

    private static List<String> files(Layer layer) {
        return layer.entries().stream().filter(Entry::isFile).map(Entry::path).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new java.util.TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String yamlValue(String yaml, String regex) {
        Matcher m = Pattern.compile(regex).matcher(yaml);
        assertThat(m.find()).as("%s in the Deployment", regex).isTrue();
        return m.group(1);
    }

    /** Deletes a tree, refusing while anything is mounted inside it (a container's /proc or /dev). */
    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        String real = dir.toRealPath().toString();
        boolean mounted = Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .map(l -> l.split(" ")[4]).anyMatch(m -> m.equals(real) || m.startsWith(real + "/"));
        if (mounted) {
            throw new IllegalStateException("something is still mounted under " + dir + "; not deleting it");
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
