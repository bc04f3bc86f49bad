package org.peercircle.deploy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.peercircle.contracts.Topics;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * What a rendered PeerCircle overlay must satisfy. Each rule names the object it faults, so a failing check
 * reads as a to-do list. The service-specific facts come from {@link ServiceConfiguration} and the event
 * contracts, not from a second copy here.
 */
public final class ManifestRules {

    static final String DATABASE_CLIENT_LABEL = "peercircle.org/database-client";
    /** Services whose replicas hold no state of their own and scale with an HPA. */
    static final Set<String> STATELESS = Set.of("participant-service", "session-service", "assessment-service");

    private final ServiceConfiguration config;

    public ManifestRules(ServiceConfiguration config) {
        this.config = config;
    }

    public List<String> check(List<HasMetadata> objects) {
        List<String> violations = new ArrayList<>();
        Map<String, ConfigMap> configMaps = objects.stream().filter(ConfigMap.class::isInstance)
                .map(ConfigMap.class::cast).collect(Collectors.toMap(c -> c.getMetadata().getName(), c -> c));
        List<Deployment> deployments = objects.stream().filter(Deployment.class::isInstance)
                .map(Deployment.class::cast).toList();

        Set<String> deployed = deployments.stream().map(d -> d.getMetadata().getName()).collect(Collectors.toSet());
        for (String service : config.services()) {
            if (!deployed.contains(service)) {
                violations.add("Deployment/" + service + ": missing");
            }
        }
        for (Deployment d : deployments) {
            checkDeployment(d, configMaps, violations);
        }
        checkCompanions(objects, deployed, violations);
        checkTopics(objects, violations);
        checkDatabaseIsolation(objects, deployments, violations);
        return violations;
    }

    private void checkDeployment(Deployment d, Map<String, ConfigMap> configMaps, List<String> violations) {
        String name = d.getMetadata().getName();
        String where = "Deployment/" + name;
        if (!config.services().contains(name)) {
            violations.add(where + ": not a PeerCircle service");
            return;
        }
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        if (pod.getSecurityContext() == null || !Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot())) {
            violations.add(where + ": pod securityContext.runAsNonRoot must be true");
        }
        for (Container c : pod.getContainers()) {
            String at = where + " container " + c.getName();
            checkProbe(c.getReadinessProbe(), "/q/health/ready", at + ": readiness probe", violations);
            checkProbe(c.getLivenessProbe(), "/q/health/live", at + ": liveness probe", violations);
            checkResources(c.getResources(), at, violations);
            var sc = c.getSecurityContext();
            if (sc == null || !Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
                violations.add(at + ": securityContext.readOnlyRootFilesystem must be true");
            }
            if (sc == null || !Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                violations.add(at + ": securityContext.allowPrivilegeEscalation must be false");
            }
            String image = c.getImage() == null ? "" : c.getImage().replaceAll("[:@].*$", "");
            if (!image.endsWith("peercircle/" + name)) {
                violations.add(at + ": image " + c.getImage() + " is not peercircle/" + name);
            }
            for (String variable : environmentOf(c, configMaps, at, violations)) {
                if (!config.reads(name, variable)) {
                    violations.add(at + ": sets " + variable + ", which " + name + " does not read");
                }
            }
        }
    }

    private static void checkProbe(Probe probe, String path, String what, List<String> violations) {
        if (probe == null || probe.getHttpGet() == null) {
            violations.add(what + " missing");
        } else if (!path.equals(probe.getHttpGet().getPath())) {
            violations.add(what + " must call " + path + ", not " + probe.getHttpGet().getPath());
        }
    }

    private static void checkResources(ResourceRequirements r, String at, List<String> violations) {
        for (String kind : List.of("cpu", "memory")) {
            if (r == null || r.getRequests() == null || !r.getRequests().containsKey(kind)) {
                violations.add(at + ": no " + kind + " request");
            }
        }
        if (r == null || r.getLimits() == null || !r.getLimits().containsKey("memory")) {
            violations.add(at + ": no memory limit");
        }
    }

    private static Set<String> environmentOf(Container c, Map<String, ConfigMap> configMaps, String at,
            List<String> violations) {
        Set<String> names = new TreeSet<>();
        if (c.getEnv() != null) {
            c.getEnv().stream().map(EnvVar::getName).forEach(names::add);
        }
        if (c.getEnvFrom() != null) {
            for (EnvFromSource from : c.getEnvFrom()) {
                if (from.getConfigMapRef() != null) {
                    ConfigMap cm = configMaps.get(from.getConfigMapRef().getName());
                    if (cm == null) {
                        violations.add(at + ": ConfigMap " + from.getConfigMapRef().getName() + " does not exist");
                    } else if (cm.getData() != null) {
                        names.addAll(cm.getData().keySet());
                    }
                }
            }
        }
        return names;
    }

    private static void checkCompanions(List<HasMetadata> objects, Set<String> deployed, List<String> violations) {
        Set<String> pdbs = names(objects, PodDisruptionBudget.class);
        Set<String> hpas = names(objects, HorizontalPodAutoscaler.class);
        for (String service : deployed) {
            if (!pdbs.contains(service)) {
                violations.add("PodDisruptionBudget/" + service + ": missing");
            }
            if (STATELESS.contains(service) && !hpas.contains(service)) {
                violations.add("HorizontalPodAutoscaler/" + service + ": missing");
            }
        }
        if (generic(objects, "ServiceMonitor").isEmpty()) {
            violations.add("ServiceMonitor: missing");
        }
    }

    private void checkTopics(List<HasMetadata> objects, List<String> violations) {
        Map<String, String> declared = generic(objects, "KafkaTopic").stream().collect(Collectors.toMap(
                t -> Optional.ofNullable((String) spec(t).get("topicName")).orElse(t.getMetadata().getName()),
                t -> t.getMetadata().getName()));
        for (String topic : Topics.ALL) {
            if (!declared.containsKey(topic)) {
                violations.add("KafkaTopic: contract topic " + topic + " is not declared");
            }
        }
        Set<String> used = config.usedTopics();
        for (String topic : used) {
            if (!declared.containsKey(topic)) {
                violations.add("KafkaTopic: " + topic + " is used by a service but not declared");
            }
        }
        declared.forEach((topic, resource) -> {
            if (!Topics.ALL.contains(topic) && !used.contains(topic)) {
                violations.add("KafkaTopic/" + resource + ": topic " + topic + " is used by no service");
            }
        });
    }

    /** Each service reaches only its own database: its pods carry its database label and read its secret. */
    private static void checkDatabaseIsolation(List<HasMetadata> objects, List<Deployment> deployments,
            List<String> violations) {
        Set<String> policies = names(objects, NetworkPolicy.class);
        for (Deployment d : deployments) {
            String service = d.getMetadata().getName();
            String database = service.replace("-service", "") + "-db";
            Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
            if (labels == null || !database.equals(labels.get(DATABASE_CLIENT_LABEL))) {
                violations.add("Deployment/" + service + ": pods must be labelled " + DATABASE_CLIENT_LABEL + "=" + database);
            }
            Set<String> secrets = new HashSet<>();
            d.getSpec().getTemplate().getSpec().getContainers().forEach(c -> {
                if (c.getEnv() != null) {
                    c.getEnv().stream().filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                            .forEach(e -> secrets.add(e.getValueFrom().getSecretKeyRef().getName()));
                }
            });
            if (!secrets.equals(Set.of(database + "-app"))) {
                violations.add("Deployment/" + service + ": must read only the secret " + database + "-app, reads " + secrets);
            }
            if (!policies.contains(database + "-clients")) {
                violations.add("NetworkPolicy/" + database + "-clients: missing");
            }
        }
        if (!policies.contains("default-deny-ingress")) {
            violations.add("NetworkPolicy/default-deny-ingress: missing");
        }
    }

    private static Set<String> names(List<HasMetadata> objects, Class<? extends HasMetadata> type) {
        return objects.stream().filter(type::isInstance).map(o -> o.getMetadata().getName()).collect(Collectors.toSet());
    }

    private static List<GenericKubernetesResource> generic(List<HasMetadata> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.getKind())).filter(GenericKubernetesResource.class::isInstance)
                .map(GenericKubernetesResource.class::cast).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource r) {
        Object spec = r.getAdditionalProperties().get("spec");
        return spec instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
