package org.dcis.posts.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Users the realm export does not have, added to the test Keycloak (in-memory, imported afresh at each start)
 * through its admin API, with the demo password so {@link Api#token} works for them.
 */
public final class KeycloakUsers {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeycloakUsers() {
    }

    /** A user with one realm role; created once per Keycloak, found again afterwards. */
    public static synchronized String withRole(String username, String role) {
        String issuer = ConfigProvider.getConfig().getValue("dcis.test.keycloak-issuer", String.class);
        String base = issuer.substring(0, issuer.indexOf("/realms/"));
        String realm = base + "/admin/realms/" + issuer.substring(issuer.indexOf("/realms/") + "/realms/".length());
        String admin = send(HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password="
                        + URLEncoder.encode("admin", StandardCharsets.UTF_8))), 200).path("access_token").asText();
        JsonNode found = send(authorized(realm + "/users?exact=true&username=" + username, admin).GET(), 200);
        if (found.isEmpty()) {
            Map<String, Object> user = Map.of("username", username, "enabled", true, "emailVerified", true,
                    "email", username + "@example.org", "firstName", "Test", "lastName", "User",
                    "credentials", List.of(Map.of("type", "password", "value", "demo", "temporary", false)));
            send(authorized(realm + "/users", admin).POST(body(user)), 201);
            found = send(authorized(realm + "/users?exact=true&username=" + username, admin).GET(), 200);
        }
        String id = found.get(0).path("id").asText();
        JsonNode roleRepresentation = send(authorized(realm + "/roles/" + role, admin).GET(), 200);
        send(authorized(realm + "/users/" + id + "/role-mappings/realm", admin)
                .POST(body(List.of(roleRepresentation))), 204);
        return username;
    }

    private static HttpRequest.Builder authorized(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
    }

    private static HttpRequest.BodyPublisher body(Object value) {
        try {
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(value));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException("Keycloak admin API answered " + response.statusCode() + " to "
                        + response.request().method() + " " + response.request().uri() + ": " + response.body());
            }
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
