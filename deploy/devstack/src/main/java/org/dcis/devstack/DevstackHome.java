package org.dcis.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the devstack keeps unpacked server distributions, shared by every run on this machine,
 * and the versions the build pinned.
 */
public final class DevstackHome {
    private static final Properties BUILD = load();

    private DevstackHome() {
    }

    /** {@code DCIS_DEVSTACK_HOME}, else {@code ~/.cache/dcis-devstack}. */
    public static Path root() {
        String configured = System.getProperty("dcis.devstack.home", System.getenv("DCIS_DEVSTACK_HOME"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".cache", "dcis-devstack");
    }

    public static String keycloakVersion() {
        return BUILD.getProperty("keycloak.version");
    }

    public static String postgresVersion() {
        return BUILD.getProperty("postgres.version");
    }

    /** The Keycloak distribution zip: the copy the build made, else the one in the local Maven repository. */
    public static Path keycloakZip() {
        Path copied = Path.of(BUILD.getProperty("keycloak.dist.zip"));
        if (copied.toFile().isFile()) {
            return copied;
        }
        String version = keycloakVersion();
        Path repo = Path.of(System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        Path inRepo = repo.resolve("org/keycloak/keycloak-quarkus-dist/" + version
                + "/keycloak-quarkus-dist-" + version + ".zip");
        if (inRepo.toFile().isFile()) {
            return inRepo;
        }
        throw new DevstackException("Keycloak distribution missing: neither " + copied + " nor " + inRepo
                + " exists. Run ./mvnw -pl deploy/devstack install once to download it from Maven Central.");
    }

    private static Properties load() {
        try (InputStream in = DevstackHome.class.getResourceAsStream("devstack.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("devstack.properties missing from the devstack jar", e));
        }
    }
}
