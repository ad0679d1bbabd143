package org.dcis.deploy.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * The KeycloakRealmImport resources of the overlays, generated from deploy/keycloak/dcis-realm.json (the one source
 * of the realm): local takes it as it is (demo users and all); production drops the demo users and the demo
 * password-grant client, points the dashboard client at the public URL, takes the mission systems' client secrets
 * from a Secret (import placeholders) and requires TLS for external requests. {@link RealmImportTest} checks the
 * committed files against this, and rewrites them with -Ddcis.realm.regenerate=true.
 */
final class RealmImports {
    /** The suite's public address in production (the gateway's Ingress, the dashboard's origin). */
    static final String PRODUCTION_URL = "https://dcis.example.org";
    static final String KEYCLOAK = "dcis-keycloak";
    /** Secret, created out of band, holding the mission systems' client secrets (production). */
    static final String CLIENT_SECRETS = "dcis-keycloak-clients";
    /** Public clients for people and scripts of the demo only (password grant). */
    static final List<String> DEMO_CLIENTS = List.of("dcis-demo");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    private RealmImports() {
    }

    static Path file(String overlay) {
        return Repository.KUBERNETES.resolve("overlays").resolve(overlay).resolve("realm-import.yaml");
    }

    static ObjectNode realm() {
        try {
            return (ObjectNode) JSON.readTree(Repository.REALM.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String generate(String overlay) {
        ObjectNode realm = realm();
        ObjectNode cr = JSON.createObjectNode();
        cr.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        cr.put("kind", "KeycloakRealmImport");
        cr.putObject("metadata").put("name", "dcis-realm");
        ObjectNode spec = cr.putObject("spec");
        spec.put("keycloakCRName", KEYCLOAK);
        String header;
        if (overlay.equals("production")) {
            header = "production: without the demo users and the demo client " + DEMO_CLIENTS + ", dashboard on "
                    + PRODUCTION_URL + ", mission systems' secrets from the Secret " + CLIENT_SECRETS;
            ObjectNode placeholders = JSON.createObjectNode();
            toProduction(realm, placeholders);
            spec.set("placeholders", placeholders);
        } else {
            header = overlay + ": the realm as it is, demo users included";
        }
        spec.set("realm", realm);
        try {
            return "# GENERATED from deploy/keycloak/dcis-realm.json by RealmImportTest: do not edit, regenerate\n"
                    + "# (./mvnw -o -pl deploy/kubernetes test -Dtest=RealmImportTest -Ddcis.realm.regenerate=true).\n"
                    + "# " + header + ".\n" + YAML.writeValueAsString(cr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void toProduction(ObjectNode realm, ObjectNode placeholders) {
        realm.put("sslRequired", "external");
        // People exist only in the identity store of the real realm (or its federation), never in a committed file;
        // the service-account users carry the mission systems' roles and stay.
        ArrayNode users = (ArrayNode) realm.get("users");
        for (Iterator<JsonNode> it = users.iterator(); it.hasNext();) {
            JsonNode user = it.next();
            if (!user.path("username").asText().startsWith("service-account-")) {
                it.remove();
            }
        }
        ArrayNode clients = (ArrayNode) realm.get("clients");
        for (Iterator<JsonNode> it = clients.iterator(); it.hasNext();) {
            ObjectNode client = (ObjectNode) it.next();
            String id = client.path("clientId").asText();
            if (DEMO_CLIENTS.contains(id)) {
                it.remove();
                continue;
            }
            if (client.has("rootUrl")) {
                client.put("rootUrl", PRODUCTION_URL);
            }
            if (client.path("redirectUris").size() > 0) {
                client.putArray("redirectUris").add(PRODUCTION_URL + "/*");
            }
            if (client.path("webOrigins").size() > 0) {
                client.putArray("webOrigins").add(PRODUCTION_URL);
            }
            JsonNode attributes = client.path("attributes");
            if (attributes.has("post.logout.redirect.uris")) {
                ((ObjectNode) attributes).put("post.logout.redirect.uris", PRODUCTION_URL + "/*");
            }
            // the realm file's descriptions name its demo secrets: not in production
            String description = client.path("description").asText("");
            if (description.contains(" Demo secret")) {
                client.put("description", description.substring(0, description.indexOf(" Demo secret")));
            }
            if (client.has("secret")) {
                String key = id.toUpperCase().replace('-', '_') + "_SECRET";
                client.put("secret", "${" + key + "}");
                placeholders.putObject(key).putObject("secret").put("name", CLIENT_SECRETS).put("key", id);
            }
        }
    }

    static void write(String overlay) {
        try {
            Files.writeString(file(overlay), generate(overlay));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
