package io.duban.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.duban.testing.OpenApiDrift;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What can be checked of {@code deploy/} without a container engine: every YAML parses, and the
 * ports, probe paths and environment variable names of Kubernetes, compose and systemd agree with
 * the services' own {@code application.properties}; kustomize references resolve.
 */
class DeployConfigTest {

    static final Path ROOT = OpenApiDrift.root();
    static final Path DEPLOY = ROOT.resolve("deploy");
    static final ObjectMapper YAML = new YAMLMapper();
    static final Map<String, Integer> PORTS = Map.of("org-service", 8081, "task-service", 8082, "report-service", 8083,
            "console", 8080);
    /** The management interface (health, metrics, OpenAPI) of each service in the prod profile. */
    static final Map<String, Integer> MANAGEMENT_PORTS = Map.of("org-service", 9081, "task-service", 9082,
            "report-service", 9083, "console", 9080);
    /** Variables read by the container image or the JVM launcher rather than by the services. */
    static final Set<String> LAUNCHER_VARS = Set.of("JAVA_OPTS_APPEND", "DUBAN_JAVA_OPTS");
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(DUBAN_[A-Z0-9_]+)(?::([^}]*))?}");

    static List<JsonNode> docs(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(file.toFile())) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode n = it.next();
                if (n != null && !n.isNull() && !n.isMissingNode()) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> s = Files.walk(DEPLOY)) {
            return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
    }

    /** DUBAN_* names the services read, with their defaults, from every application.properties. */
    static Map<String, String> serviceVariables() throws IOException {
        Map<String, String> vars = new java.util.TreeMap<>();
        for (String svc : PORTS.keySet()) {
            String props = Files.readString(ROOT.resolve(svc).resolve("src/main/resources/application.properties"));
            Matcher m = PLACEHOLDER.matcher(props);
            while (m.find()) {
                vars.putIfAbsent(m.group(1), m.group(2));
            }
        }
        return vars;
    }

    static String servicePortVariable(String svc) {
        return "DUBAN_" + svc.replace("-service", "").toUpperCase() + "_PORT";
    }

    static String managementPortVariable(String svc) {
        return "DUBAN_" + svc.replace("-service", "").toUpperCase() + "_MANAGEMENT_PORT";
    }

    @Test
    void everyYamlParses() throws IOException {
        List<Path> files = yamlFiles();
        assertTrue(files.size() >= 10, "expected the k8s, compose files; found " + files);
        for (Path f : files) {
            assertFalse(docs(f).isEmpty(), f + " has no YAML document");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"org-service", "task-service", "report-service", "console"})
    void servicesListenWhereDeployExpects(String svc) throws IOException {
        int port = PORTS.get(svc);
        assertEquals(Integer.toString(port), serviceVariables().get(servicePortVariable(svc)),
                svc + " default port in application.properties");
        JsonNode deployment = k8s(svc, "Deployment");
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertEquals(port, container.at("/ports/0/containerPort").asInt());
        assertEquals("http", container.at("/ports/0/name").asText());
        int management = MANAGEMENT_PORTS.get(svc);
        assertEquals(Integer.toString(management), serviceVariables().get(managementPortVariable(svc)),
                svc + " default management port in application.properties");
        assertEquals("management", container.at("/ports/1/name").asText());
        assertEquals(management, container.at("/ports/1/containerPort").asInt());
        assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
        assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
        // the prod profile serves health only on the management interface: a probe of the http port would always fail
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            assertEquals("management", container.at("/" + probe + "/httpGet/port").asText(), svc + " " + probe + " port");
        }
        if (deployment.at("/spec/template/metadata/annotations").has("prometheus.io/port")) {
            assertEquals(Integer.toString(management), deployment.at("/spec/template/metadata/annotations/prometheus.io~1port").asText(),
                    svc + " is scraped on its management port");
        }
        assertTrue(container.at("/securityContext/readOnlyRootFilesystem").asBoolean(), "read-only root filesystem");
        assertTrue(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean(), "non-root");
        assertFalse(container.at("/resources/requests/memory").isMissingNode(), "resource requests");
        assertFalse(container.at("/resources/limits/memory").isMissingNode(), "resource limits");
        assertEquals(port, k8s(svc, "Service").at("/spec/ports/0/port").asInt());
        assertEquals("management", k8s(svc, "Service").at("/spec/ports/1/name").asText());
        assertEquals(management, k8s(svc, "Service").at("/spec/ports/1/port").asInt());

        JsonNode compose = docs(DEPLOY.resolve("compose/compose.yaml")).get(0).at("/services/" + svc);
        assertEquals(port + ":" + port, compose.at("/ports/0").asText());
        Path context = DEPLOY.resolve("compose").resolve(compose.at("/build/context").asText()).normalize();
        assertTrue(Files.exists(context.resolve(compose.at("/build/dockerfile").asText())), "compose Dockerfile for " + svc);
        String dockerfile = Files.readString(ROOT.resolve(svc).resolve("src/main/docker/Dockerfile.jvm"));
        assertTrue(dockerfile.contains("EXPOSE " + port + " " + management), "Dockerfile.jvm exposes " + port + " and " + management);
        assertTrue(compose.at("/healthcheck/test").toString().contains("127.0.0.1:" + management + "/q/health/ready"),
                "compose checks " + svc + "'s health on its management port");
        compose.at("/ports").forEach(p -> assertFalse(p.asText().contains(Integer.toString(management)),
                "compose publishes " + svc + "'s management port"));

        String unit = Files.readString(DEPLOY.resolve("systemd/duban-" + svc.replace("-service", "") + ".service"));
        assertTrue(unit.contains("/opt/duban/" + svc + "/quarkus-run.jar"), "systemd unit runs the fast-jar");
        assertTrue(unit.contains("EnvironmentFile=/etc/duban/duban.env"));
        assertEquals(Integer.toString(port), envFile(DEPLOY.resolve("systemd/duban.env")).get(servicePortVariable(svc)));
        assertEquals(Integer.toString(management), envFile(DEPLOY.resolve("systemd/duban.env")).get(managementPortVariable(svc)));
    }

    /** Issue 16 §2: the Ingress routes the public http ports, never a management port (health, metrics, OpenAPI). */
    @Test
    void ingressRoutesNoManagementPort() throws IOException {
        JsonNode k = docs(DEPLOY.resolve("k8s/base/kustomization.yaml")).get(0);
        List<JsonNode> ingresses = new ArrayList<>();
        for (JsonNode r : k.path("resources")) {
            for (JsonNode doc : docs(DEPLOY.resolve("k8s/base").resolve(r.asText()))) {
                if ("Ingress".equals(doc.at("/kind").asText())) {
                    ingresses.add(doc);
                }
            }
        }
        assertFalse(ingresses.isEmpty(), "deploy/k8s/base has an Ingress");
        Set<String> routed = new TreeSet<>();
        for (JsonNode ingress : ingresses) {
            assertTrue(ingress.at("/spec/defaultBackend").isMissingNode(), "no default backend (it could name any port)");
            for (JsonNode rule : ingress.at("/spec/rules")) {
                for (JsonNode path : rule.at("/http/paths")) {
                    JsonNode backend = path.at("/backend/service");
                    String name = backend.at("/name").asText();
                    assertTrue(PORTS.containsKey(name), "Ingress routes to an unknown service " + name);
                    JsonNode port = backend.at("/port");
                    assertTrue(port.has("name") ? "http".equals(port.get("name").asText()) : port.get("number").asInt() == PORTS.get(name),
                            "Ingress routes " + name + " to " + port + ", not its http port");
                    assertFalse(path.at("/path").asText().startsWith("/q"), "Ingress routes " + path.at("/path"));
                    routed.add(name);
                }
            }
        }
        assertEquals(new TreeSet<>(PORTS.keySet()), routed, "the Ingress routes the console and the three APIs");
    }

    @Test
    void everyDeployVariableIsOneTheServicesRead() throws IOException {
        Set<String> known = new HashSet<>(serviceVariables().keySet());
        known.addAll(LAUNCHER_VARS);
        Set<String> used = new TreeSet<>();
        used.addAll(envFile(DEPLOY.resolve("k8s/base/config.env")).keySet());
        used.addAll(envFile(DEPLOY.resolve("systemd/duban.env")).keySet());
        for (String svc : PORTS.keySet()) {
            k8s(svc, "Deployment").at("/spec/template/spec/containers/0/env").forEach(e -> used.add(e.get("name").asText()));
            docs(DEPLOY.resolve("compose/compose.yaml")).get(0).at("/services/" + svc + "/environment")
                    .fieldNames().forEachRemaining(used::add);
        }
        Set<String> unknown = new TreeSet<>(used);
        unknown.removeAll(known);
        assertTrue(unknown.isEmpty(), "deploy/ sets variables no service reads: " + unknown);
        for (String required : List.of("DUBAN_DB_HOST", "DUBAN_DB_PORT", "DUBAN_JWT_PUBLIC_KEY")) {
            assertTrue(used.contains(required), "deploy/ never sets " + required);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"k8s/base", "k8s/overlays/dev", "k8s/overlays/prod"})
    void kustomizeReferencesResolve(String dir) throws IOException {
        Path base = DEPLOY.resolve(dir);
        JsonNode k = docs(base.resolve("kustomization.yaml")).get(0);
        for (JsonNode r : k.path("resources")) {
            Path p = base.resolve(r.asText()).normalize();
            assertTrue(Files.isRegularFile(p) || Files.isRegularFile(p.resolve("kustomization.yaml")), dir + ": resource " + r);
        }
        for (JsonNode patch : k.path("patches")) {
            if (patch.has("path")) {
                Path p = base.resolve(patch.get("path").asText());
                assertTrue(Files.isRegularFile(p), dir + ": patch " + p);
                for (JsonNode doc : docs(p)) {
                    assertTrue(baseResourceNames().contains(doc.at("/kind").asText() + "/" + doc.at("/metadata/name").asText()),
                            dir + ": patch targets nothing in base: " + doc.at("/metadata/name"));
                }
            }
            if (patch.has("target")) {
                JsonNode t = patch.get("target");
                assertTrue(baseResourceNames().contains(t.get("kind").asText() + "/" + t.get("name").asText()), dir + ": patch target " + t);
            }
        }
        for (JsonNode gen : k.path("configMapGenerator")) {
            for (JsonNode env : gen.path("envs")) {
                assertTrue(Files.isRegularFile(base.resolve(env.asText())), dir + ": env file " + env);
            }
        }
    }

    @Test
    void everySecretAndConfigMapReferencedIsProvidedOrDocumented() throws IOException {
        String baseKustomization = Files.readString(DEPLOY.resolve("k8s/base/kustomization.yaml"));
        for (String svc : PORTS.keySet()) {
            JsonNode spec = k8s(svc, "Deployment").at("/spec/template/spec");
            for (JsonNode from : spec.at("/containers/0/envFrom")) {
                String cm = from.at("/configMapRef/name").asText(null);
                String secret = from.at("/secretRef/name").asText(null);
                if (cm != null) {
                    assertTrue(baseKustomization.contains("name: " + cm), "config map " + cm + " generated in base");
                }
                if (secret != null) {
                    assertTrue(baseKustomization.contains(secret), "secret " + secret + " documented in base");
                }
            }
            for (JsonNode v : spec.path("volumes")) {
                JsonNode secret = v.path("secret");
                if (!(secret instanceof MissingNode)) {
                    assertTrue(baseKustomization.contains(secret.path("secretName").asText()), "secret volume documented");
                }
            }
        }
    }

    Set<String> baseResourceNames() throws IOException {
        Set<String> names = new HashSet<>();
        JsonNode k = docs(DEPLOY.resolve("k8s/base/kustomization.yaml")).get(0);
        for (JsonNode r : k.path("resources")) {
            for (JsonNode doc : docs(DEPLOY.resolve("k8s/base").resolve(r.asText()))) {
                names.add(doc.at("/kind").asText() + "/" + doc.at("/metadata/name").asText());
            }
        }
        return names;
    }

    JsonNode k8s(String name, String kind) throws IOException {
        for (JsonNode doc : docs(DEPLOY.resolve("k8s/base/" + name + ".yaml"))) {
            if (kind.equals(doc.at("/kind").asText()) && name.equals(doc.at("/metadata/name").asText())) {
                return doc;
            }
        }
        throw new AssertionError("no " + kind + " " + name + " in deploy/k8s/base");
    }

    static Map<String, String> envFile(Path file) throws IOException {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int eq = l.indexOf('=');
            env.put(l.substring(0, eq), l.substring(eq + 1));
        }
        return env;
    }
}
