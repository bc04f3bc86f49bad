package org.peercircle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** The overlays render, parse and pass every rule; a broken manifest fails with the rule that it breaks. */
class ManifestChecksTest {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final Path K8S = ROOT.resolve("deploy/k8s");
    static final Set<String> SERVICES = Set.of("participant-service", "session-service", "assessment-service",
            "reporting-service");

    private final ManifestRules rules = new ManifestRules(new ServiceConfiguration(ROOT, SERVICES));

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void overlayPassesEveryRule(String overlay) {
        List<HasMetadata> objects = Kustomize.renderAndParse(K8S.resolve("overlays").resolve(overlay));

        assertThat(objects).filteredOn(Deployment.class::isInstance).hasSize(4);
        assertThat(objects).extracting(HasMetadata::getKind)
                .contains("Kafka", "KafkaTopic", "Cluster", "Keycloak", "KeycloakRealmImport", "NetworkPolicy",
                        "ServiceMonitor", "HorizontalPodAutoscaler", "PodDisruptionBudget");
        assertThat(rules.check(objects)).isEmpty();
    }

    @Test
    void prodBacksUpEveryDatabase() {
        List<HasMetadata> objects = Kustomize.renderAndParse(K8S.resolve("overlays/prod"));
        List<GenericKubernetesResource> clusters = objects.stream().filter(o -> "Cluster".equals(o.getKind()))
                .map(GenericKubernetesResource.class::cast).toList();
        assertThat(clusters).hasSize(5).allSatisfy(c -> assertThat((Object) c.get("spec", "backup", "barmanObjectStore")).isNotNull());
        assertThat(objects).filteredOn(o -> "ScheduledBackup".equals(o.getKind())).hasSize(5);
    }

    @Test
    void aDeploymentWithoutProbesResourcesOrSecurityContextFails(@TempDir Path dir) throws IOException {
        List<String> violations = rules.check(renderWithPatch(dir, "Deployment", "session-service", """
                - op: remove
                  path: /spec/template/spec/containers/0/readinessProbe
                - op: remove
                  path: /spec/template/spec/containers/0/resources
                - op: remove
                  path: /spec/template/spec/containers/0/securityContext
                """));
        assertThat(violations).contains(
                "Deployment/session-service container session-service: readiness probe missing",
                "Deployment/session-service container session-service: no memory limit",
                "Deployment/session-service container session-service: securityContext.readOnlyRootFilesystem must be true");
    }

    @Test
    void aConfigKeyTheServicesDoNotReadFails(@TempDir Path dir) throws IOException {
        List<String> violations = rules.check(renderWithPatch(dir, "ConfigMap", "peercircle-config", """
                - op: add
                  path: /data/KAFKA_BOOTSTRAP_SERVER
                  value: typo:9092
                """));
        assertThat(violations).filteredOn(v -> v.contains("sets KAFKA_BOOTSTRAP_SERVER, which")).hasSize(4);
    }

    @Test
    void aTopicNameThatDiffersFromTheContractsFails(@TempDir Path dir) throws IOException {
        List<String> violations = rules.check(renderWithPatch(dir, "KafkaTopic", "session-events", """
                - op: replace
                  path: /spec/topicName
                  value: sessions
                """));
        assertThat(violations).contains("KafkaTopic: contract topic session-events is not declared",
                "KafkaTopic/session-events: topic sessions is used by no service");
    }

    @Test
    void anImageThatIsNotTheServiceFails(@TempDir Path dir) throws IOException {
        List<String> violations = rules.check(renderWithPatch(dir, "Deployment", "reporting-service", """
                - op: replace
                  path: /spec/template/spec/containers/0/image
                  value: peercircle/participant-service:1.0.0
                """));
        assertThat(violations).contains("Deployment/reporting-service container reporting-service: image "
                + "peercircle/participant-service:1.0.0 is not peercircle/reporting-service");
    }

    @Test
    void reportingReachingTheParticipantDatabaseFails(@TempDir Path dir) throws IOException {
        List<String> violations = rules.check(renderWithPatch(dir, "Deployment", "reporting-service", """
                - op: replace
                  path: /spec/template/metadata/labels/peercircle.org~1database-client
                  value: participant-db
                - op: replace
                  path: /spec/template/spec/containers/0/env/1/valueFrom/secretKeyRef/name
                  value: participant-db-app
                """));
        assertThat(violations).contains(
                "Deployment/reporting-service: pods must be labelled peercircle.org/database-client=reporting-db");
        assertThat(violations).anyMatch(v -> v.startsWith("Deployment/reporting-service: must read only the secret reporting-db-app"));
    }

    /** A throw-away overlay on the real base with one JSON patch, rendered by Kustomize like the real ones. */
    private static List<HasMetadata> renderWithPatch(Path dir, String kind, String name, String patch) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - %s
                patches:
                  - target:
                      kind: %s
                      name: %s
                    patch: |-
                %s
                """.formatted(dir.relativize(K8S.resolve("base")), kind, name, patch.indent(6).stripTrailing()));
        return Kustomize.renderAndParse(dir);
    }
}
