package org.peercircle.images;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An OCI image archive (a tar of an OCI image layout) opened the way a registry client reads it: index.json
 * to the manifest, the manifest to the config and the layers, every blob found by its digest.
 */
final class OciArchive {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One entry of a layer tar, as a container runtime would create it. */
    record Entry(String path, int mode, long uid, long gid, long size, char type, String linkName, long mtime) {

        boolean isDirectory() {
            return type == TarArchiveEntry.LF_DIR;
        }

        boolean isFile() {
            return type == TarArchiveEntry.LF_NORMAL || type == TarArchiveEntry.LF_OLDNORM;
        }

        boolean isSymlink() {
            return type == TarArchiveEntry.LF_SYMLINK;
        }
    }

    /** A layer blob with what its uncompressed tar hashes to and holds. */
    record Layer(JsonNode descriptor, Path blob, String uncompressedDigest, List<Entry> entries) {

        Entry entry(String path) {
            return entries.stream().filter(e -> e.path().equals(path)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + path + " in layer " + descriptor.get("digest")));
        }

        /** The content of a regular file of this layer, as UTF-8 text. */
        String text(String path) throws IOException {
            try (TarArchiveInputStream tar = new TarArchiveInputStream(
                    new GZIPInputStream(new BufferedInputStream(Files.newInputStream(blob))))) {
                for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                    if (e.getName().equals(path) && e.isFile() && !e.isSymbolicLink() && !e.isLink()) {
                        return new String(tar.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    }
                }
            }
            throw new AssertionError("no file " + path + " in layer " + descriptor.get("digest"));
        }
    }

    final Path layout;
    final List<String> archiveEntries;
    final JsonNode index;
    final JsonNode manifest;
    final JsonNode config;
    final List<Layer> layers;

    private OciArchive(Path layout, List<String> archiveEntries) throws IOException {
        this.layout = layout;
        this.archiveEntries = archiveEntries;
        this.index = JSON.readTree(layout.resolve("index.json").toFile());
        this.manifest = JSON.readTree(blob(index.get("manifests").get(0).get("digest").asText()).toFile());
        this.config = JSON.readTree(blob(manifest.get("config").get("digest").asText()).toFile());
        List<Layer> read = new ArrayList<>();
        for (JsonNode descriptor : manifest.get("layers")) {
            read.add(readLayer(descriptor));
        }
        this.layers = List.copyOf(read);
    }

    /** Unpacks the archive into {@code into} and reads index, manifest, config and every layer. */
    static OciArchive open(Path archive, Path into) throws IOException {
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new BufferedInputStream(Files.newInputStream(archive)))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("entry outside the archive root: " + e.getName());
                }
                names.add(e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (OutputStream out = Files.newOutputStream(target)) {
                        tar.transferTo(out);
                    }
                }
            }
        }
        return new OciArchive(into, List.copyOf(names));
    }

    /** The file of a blob, by its digest ({@code sha256:<hex>}). */
    Path blob(String digest) {
        if (!digest.startsWith("sha256:")) {
            throw new IllegalArgumentException("not a sha256 digest: " + digest);
        }
        return layout.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256())) {
            in.transferTo(OutputStream.nullOutputStream());
            return "sha256:" + HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        }
    }

    private Layer readLayer(JsonNode descriptor) throws IOException {
        Path blob = blob(descriptor.get("digest").asText());
        List<Entry> entries = new ArrayList<>();
        try (DigestInputStream uncompressed = new DigestInputStream(
                new GZIPInputStream(new BufferedInputStream(Files.newInputStream(blob)), 1 << 16), sha256())) {
            TarArchiveInputStream tar = new TarArchiveInputStream(uncompressed);
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                String path = e.getName().endsWith("/") ? e.getName().substring(0, e.getName().length() - 1)
                        : e.getName();
                entries.add(new Entry(path, e.getMode(), e.getLongUserId(), e.getLongGroupId(), e.getSize(),
                        (char) linkFlag(e), e.getLinkName(), e.getLastModifiedDate().toInstant().getEpochSecond()));
            }
            // the end-of-archive blocks belong to the uncompressed tar whose digest is the diff_id
            uncompressed.transferTo(OutputStream.nullOutputStream());
            String digest = "sha256:" + HexFormat.of().formatHex(uncompressed.getMessageDigest().digest());
            return new Layer(descriptor, blob, digest, List.copyOf(entries));
        }
    }

    private static byte linkFlag(TarArchiveEntry e) {
        if (e.isDirectory()) {
            return TarArchiveEntry.LF_DIR;
        }
        if (e.isSymbolicLink()) {
            return TarArchiveEntry.LF_SYMLINK;
        }
        if (e.isLink()) {
            return TarArchiveEntry.LF_LINK;
        }
        return e.isFile() ? TarArchiveEntry.LF_NORMAL : (byte) '?';
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
