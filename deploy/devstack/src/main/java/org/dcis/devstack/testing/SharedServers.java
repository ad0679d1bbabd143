package org.dcis.devstack.testing;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.dcis.devstack.DevstackException;
import org.dcis.devstack.DevstackHome;
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
    private static FileLock keycloakSlot;

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
            keycloak = KeycloakServer.start(new KeycloakServer.Settings(keycloakSlot(), 0,
                    work().resolve("logs/keycloak.log"), null, false));
        }
        return keycloak;
    }

    /**
     * Keycloak rebuilds itself on its first start in a folder (about half a minute), so test JVMs reuse
     * installations kept in the devstack home; a lock gives each running JVM a slot of its own.
     */
    private static Path keycloakSlot() {
        Path slots = DevstackHome.root().resolve("keycloak-test-slots-" + DevstackHome.keycloakVersion());
        try {
            Files.createDirectories(slots);
            for (int slot = 1; slot <= 16; slot++) {
                FileChannel channel = FileChannel.open(slots.resolve(slot + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                try {
                    FileLock lock = channel.tryLock();
                    if (lock != null) {
                        keycloakSlot = lock;
                        return slots.resolve("keycloak-" + slot);
                    }
                } catch (OverlappingFileLockException e) {
                    // held by this JVM already: try the next slot
                }
                channel.close();
            }
        } catch (IOException e) {
            throw new DevstackException("Keycloak test slots unusable in " + slots + ": " + e.getMessage(), e);
        }
        throw new DevstackException("All 16 Keycloak test slots in " + slots + " are in use");
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
