package org.peercircle.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Renders an overlay with Kustomize's own implementation (the one built into kubectl) and parses the result
 * with the fabric8 Kubernetes model: core kinds become typed objects, custom resources (Strimzi,
 * CloudNativePG, Keycloak, Prometheus) generic ones.
 */
public final class Kustomize {

    private Kustomize() {
    }

    public static String render(Path overlay) {
        try {
            Process p = new ProcessBuilder("kubectl", "kustomize", overlay.toString()).redirectErrorStream(false).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + overlay + " failed: " + err);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("kubectl (with its built-in kustomize) is needed to render " + overlay, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static List<HasMetadata> parse(String yaml) {
        Object parsed = new KubernetesSerialization().unmarshal(yaml);
        if (parsed instanceof List<?> list) {
            return list.stream().map(HasMetadata.class::cast).toList();
        }
        if (parsed instanceof io.fabric8.kubernetes.api.model.KubernetesList list) {
            return list.getItems();
        }
        return List.of((HasMetadata) parsed);
    }

    public static List<HasMetadata> renderAndParse(Path overlay) {
        return parse(render(overlay));
    }
}
