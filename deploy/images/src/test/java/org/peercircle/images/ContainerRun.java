package org.peercircle.images;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An image run the way a container runtime runs it, without one: the layers unpacked in order into a root
 * directory; the config's entrypoint started in new mount and PID namespaces (so it is PID 1, as in a pod)
 * with that directory as a read-only root, /proc, a tmpfs /tmp (the Deployment's emptyDir), the basic
 * devices, and the config's user, working directory and environment. The network is the host's. Needs root
 * (mount and unshare), which is what a runtime has too.
 */
final class ContainerRun implements AutoCloseable {

    /** What runc does before it executes the entrypoint, in shell, inside the new namespaces. */
    private static final String SETUP = """
            set -e
            root=$1 uid=$2 gid=$3 wd=$4
            shift 4
            mount --bind "$root" "$root"
            mount -o remount,bind,ro "$root"
            mount -t proc -o nosuid,nodev,noexec proc "$root/proc"
            mount -t tmpfs -o nosuid,nodev,mode=1777,size=64m tmpfs "$root/tmp"
            mount -t tmpfs -o nosuid,mode=0755,size=64k tmpfs "$root/dev"
            for d in null zero full random urandom; do
              touch "$root/dev/$d"
              mount --bind "/dev/$d" "$root/dev/$d"
            done
            exec unshare --root="$root" --wd="$wd" --setgid="$gid" --setuid="$uid" -- "$@"
            """;

    private final Process process;
    private final Path log;
    private final String entrypoint;

    private ContainerRun(Process process, Path log, String entrypoint) {
        this.process = process;
        this.log = log;
        this.entrypoint = entrypoint;
    }

    static boolean possibleHere() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0
                    && new ProcessBuilder("unshare", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Extracts the layers in manifest order, keeping owners, modes and links (as root). */
    static void unpack(OciArchive image, Path root) throws IOException, InterruptedException {
        Files.createDirectories(root);
        for (OciArchive.Layer layer : image.layers) {
            run(List.of("tar", "--extract", "--gzip", "--file", layer.blob().toString(), "--directory",
                    root.toString(), "--numeric-owner", "--same-permissions", "--same-owner"));
        }
    }

    /**
     * Starts the image's entrypoint with the config's environment overlaid by {@code env} (as a pod spec's
     * env overrides the image's). /etc/hosts and /etc/resolv.conf come from the host, as a runtime provides them.
     */
    static ContainerRun start(OciArchive image, Path root, Map<String, String> env, Path log)
            throws IOException {
        JsonNode config = image.config.get("config");
        String[] user = config.get("User").asText().split(":");
        List<String> entrypoint = strings(config.get("Entrypoint"));
        entrypoint.addAll(strings(config.get("Cmd")));
        for (String file : List.of("etc/hosts", "etc/resolv.conf")) {
            Path source = Path.of("/").resolve(file);
            if (Files.exists(source)) {
                Files.copy(source, root.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }

        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--fork", "sh", "-c", SETUP,
                "container", root.toString(), user[0], user.length > 1 ? user[1] : user[0],
                config.path("WorkingDir").asText("/")));
        command.addAll(entrypoint);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        for (String variable : strings(config.get("Env"))) {
            int eq = variable.indexOf('=');
            builder.environment().put(variable.substring(0, eq), variable.substring(eq + 1));
        }
        builder.environment().putAll(env);
        return new ContainerRun(builder.start(), log, entrypoint.get(0));
    }

    /** The entrypoint's process (PID 1 of the container), once the setup has executed it. */
    ProcessHandle entrypointProcess(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> found = process.descendants()
                    .filter(p -> entrypoint.equals(argv0(p.pid()))).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the container exited before its entrypoint ran:\n" + log());
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("entrypoint " + entrypoint + " not started:\n" + log());
    }

    /** Polls {@code url} until it answers 200; fails with the container's log when it exits or times out. */
    String awaitOk(URI url, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the container exited:\n" + log());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return r.body();
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(url + " did not answer 200 within " + timeout + ":\n" + log());
    }

    /** Sends SIGTERM to PID 1 of the container, as the kubelet does, and waits for the container to end. */
    void stop(Duration grace) throws Exception {
        process.descendants().filter(p -> entrypoint.equals(argv0(p.pid()))).findFirst()
                .ifPresent(ProcessHandle::destroy);
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    boolean isRunning() {
        return process.isAlive();
    }

    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(20));
        }
    }

    static String procFile(long pid, String name) throws IOException {
        return Files.readString(Path.of("/proc", String.valueOf(pid), name), StandardCharsets.UTF_8);
    }

    private static String argv0(long pid) {
        try {
            String cmdline = procFile(pid, "cmdline");
            int end = cmdline.indexOf('\0');
            return end < 0 ? cmdline : cmdline.substring(0, end);
        } catch (IOException gone) {
            return "";
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    static String[] split(String status, String field) {
        return Arrays.stream(status.split("\n")).filter(l -> l.startsWith(field + ":")).findFirst()
                .map(l -> l.substring(field.length() + 1).trim())
                .map(v -> v.isEmpty() ? new String[0] : v.split("\\s+")).orElse(new String[0]);
    }
}
