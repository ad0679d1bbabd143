package org.dcis.devstack.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.dcis.devstack.KeycloakServer;
import org.dcis.devstack.PostgresServer;

/** The readiness test of each server, as the launcher and {@code status} apply it. */
public final class Probes {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Probes() {
    }

    /** @param port where the server is asked: a service's management port, the only port of the others */
    public static boolean ready(Server server, int port) {
        return switch (server) {
            case POSTGRES -> postgresAnswers(port);
            case KAFKA -> kafkaAnswers(port);
            case KEYCLOAK -> KeycloakServer.realmAnswers("http://localhost:" + port);
            case POSTS, COOPERATION, GATEWAY -> status("http://localhost:" + port + "/q/health/ready") == 200;
        };
    }

    /** What each probe asks, for messages. */
    public static String describe(Server server, int port) {
        return switch (server) {
            case POSTGRES -> "SELECT 1 on 127.0.0.1:" + port;
            case KAFKA -> "describeCluster on 127.0.0.1:" + port;
            case KEYCLOAK -> "GET http://localhost:" + port + "/realms/dcis/.well-known/openid-configuration";
            case POSTS, COOPERATION, GATEWAY -> "GET http://localhost:" + port + "/q/health/ready";
        };
    }

    static boolean postgresAnswers(int port) {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                PostgresServer.SUPERUSER, "");
                Statement statement = connection.createStatement()) {
            return statement.execute("SELECT 1");
        } catch (SQLException e) {
            return false;
        }
    }

    static boolean kafkaAnswers(int port) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000,
                // Never linger retrying an address that is not up: one quick answer or none.
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000))) {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
