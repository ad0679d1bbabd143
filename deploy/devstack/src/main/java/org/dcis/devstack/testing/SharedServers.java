package org.dcis.devstack.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.dcis.devstack.DevstackException;
import org.dcis.devstack.KafkaBroker;
import org.dcis.devstack.KeycloakServer;
import org.dcis.devstack.PostgresServer;

/**
 * The servers of one test JVM: each is started on first use, shared by every test class, and
 * stopped when the JVM exits. Data lives in a temporary folder that goes with them.
 */
public final class SharedServers {
    private static Path work;
    private static PostgresServer postgres;
    private static KafkaBroker kafka;
    private static KeycloakServer keycloak;

    private SharedServers() {
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.start(new PostgresServer.Settings(work().resolve("postgres"), 0,
                    work().resolve("logs/postgres.log"), false, false));
        }
        return postgres;
    }

    /** The broker; tests may {@link KafkaBroker#stop()} and {@link KafkaBroker#start()} it again. */
    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = new KafkaBroker(work().resolve("kafka"), 0, 0).start();
        }
        return kafka;
    }

    public static synchronized KeycloakServer keycloak() {
        if (keycloak == null) {
            Path slot = keycloakSlot();
            keycloak = KeycloakServer.start(new KeycloakServer.Settings(slot, 0,
                    work().resolve("logs/keycloak.log"), null, false));
            // Proven complete, so another stack reusing the slot (deploy/faults) keeps it rather than make it afresh.
            KeycloakServer.markInstallProven(slot);
        }
        return keycloak;
    }

    /** An install copy of Keycloak reused across test JVMs, one slot per running JVM (see {@link KeycloakSlots}). */
    private static Path keycloakSlot() {
        return KeycloakSlots.acquire("keycloak-test-slots");
    }

    private static Path work() {
        if (work == null) {
            try {
                work = Files.createTempDirectory("dcis-test-servers-");
            } catch (IOException e) {
                throw new DevstackException("No temporary folder for the test servers", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(SharedServers::stopAll, "dcis-test-servers-stop"));
        }
        return work;
    }

    private static synchronized void stopAll() {
        if (keycloak != null) {
            keycloak.stop();
        }
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.stop();
        }
        org.dcis.devstack.Archives.deleteTree(work);
    }
}
