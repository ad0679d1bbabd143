package org.dcis.gateway.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the realm answers: without it no new signing key can be fetched, so the gateway
 * should not be handed traffic it may have to refuse.
 */
@Readiness
@ApplicationScoped
public class KeycloakReadiness implements HealthCheck {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String realm;

    public KeycloakReadiness(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String realm) {
        this.realm = realm.endsWith("/") ? realm.substring(0, realm.length() - 1) : realm;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Keycloak realm").withData("realm", realm);
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(
                    URI.create(realm + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.status(answer.statusCode() == 200).withData("httpStatus", answer.statusCode()).build();
        } catch (IOException e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("error", "interrupted").build();
        }
    }
}
