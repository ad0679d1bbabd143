package org.dcis.devstack.local;

import java.io.PrintStream;
import java.time.Duration;

/** What a user needs once the stack is up: where everything is, who can log in, and a first call. */
final class Welcome {
    private final StackLayout layout;
    private final StackPorts ports;

    Welcome(StackLayout layout, StackPorts ports) {
        this.layout = layout;
        this.ports = ports;
    }

    void print(PrintStream out, Duration took) {
        int keycloak = ports.of(Server.KEYCLOAK);
        out.printf("%nThe DCIS suite is up (%d s).%n%n", took.toSeconds());
        line(out, Server.GATEWAY, "http://localhost:" + ports.of(Server.GATEWAY) + "  (the public API: /api/...)");
        line(out, Server.POSTS, "http://localhost:" + ports.of(Server.POSTS) + "  (management: http://localhost:"
                + ports.probe(Server.POSTS) + "/q/health, /q/metrics)");
        line(out, Server.COOPERATION, "http://localhost:" + ports.of(Server.COOPERATION) + "  (management: http://localhost:"
                + ports.probe(Server.COOPERATION) + "/q/health, /q/metrics)");
        line(out, Server.KEYCLOAK, "http://localhost:" + keycloak + "/realms/dcis  (admin console: admin / admin)");
        line(out, Server.POSTGRES, "localhost:" + ports.of(Server.POSTGRES)
                + "  databases posts (user posts/posts), cooperation (cooperation/cooperation)");
        line(out, Server.KAFKA, "localhost:" + ports.of(Server.KAFKA) + "  (controller " + ports.kafkaController() + ")");
        out.printf("Each service serves its API description at /q/openapi; health and metrics only on its management port.%n");
        out.printf("%nLogs: %s/<server>.log (%s)%n", layout.show(layout.logs()),
                java.util.Arrays.stream(Server.values()).map(Server::id).collect(java.util.stream.Collectors.joining(", ")));
        out.printf("%nDemo users (password demo, public client dcis-demo, password grant):%n");
        out.println("  officer.dakar (officer, SN-DAKAR)   officer.bogota (officer, CO-BOGOTA)   officer.rabat (officer, MA-RABAT)");
        out.println("  analyst.hq (hq-analyst)   admin.registry (registry-admin)   partner.eu (partner-eu)   partner.un (partner-un)");
        out.println("Machine clients (client credentials): eu-mission-system / eu-mission-secret, un-mission-system / un-mission-secret");
        out.printf("%nTry it:%n");
        out.printf("  TOKEN=$(curl -s -d grant_type=password -d client_id=dcis-demo -d username=officer.dakar -d password=demo \\%n");
        out.printf("    http://localhost:%d/realms/dcis/protocol/openid-connect/token | sed -n 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/p')%n",
                keycloak);
        out.printf("  curl -H \"Authorization: Bearer $TOKEN\" http://localhost:%d/api/posts/countries%n",
                ports.of(Server.GATEWAY));
        out.printf("%nState: %s   Status: deploy/local/status   Stop: deploy/local/stop%n", layout.show(layout.state()));
    }

    private void line(PrintStream out, Server server, String address) {
        out.printf("  %-20s %s%n", server.displayName(), address);
    }
}
