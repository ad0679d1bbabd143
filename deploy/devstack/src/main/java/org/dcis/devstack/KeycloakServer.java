package org.dcis.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real Keycloak from the {@code keycloak-quarkus-dist} zip, in dev mode with an in-memory database,
 * importing the {@code dcis} realm of {@code deploy/keycloak} at every start.
 */
public final class KeycloakServer {
    public static final String REALM = "dcis";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param installDir the server's own copy of the distribution (created from the shared unpacked one)
     * @param realmFile  the realm export to import; null for the one packaged in the devstack jar
     */
    public record Settings(Path installDir, int port, Path logFile, Path realmFile, boolean detached) {
    }

    private final int port;
    private final ManagedProcess process;

    private KeycloakServer(int port, ManagedProcess process) {
        this.port = port;
        this.process = process;
    }

    public static KeycloakServer start(Settings settings) {
        int port = Ports.orFree(settings.port());
        Ports.requireFree(port, "Keycloak");
        int managementPort = Ports.free();
        Path install = install(settings.installDir());
        importRealm(install, settings.realmFile());
        List<String> command = List.of(install.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--http-management-port=" + managementPort,
                "--hostname=http://localhost:" + port,
                "--db=dev-mem",
                "--import-realm");
        Map<String, String> env = Map.of(
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx384m",
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        ManagedProcess process = ManagedProcess.start("Keycloak", command, env, install, settings.logFile(),
                settings.detached());
        KeycloakServer server = new KeycloakServer(port, process);
        process.awaitReady(server::realmAnswers, Duration.ofMinutes(4));
        return server;
    }

    public static KeycloakServer attach(int port, ManagedProcess process) {
        return new KeycloakServer(port, process);
    }

    /**
     * The file that proves an install copy complete: written next to it ({@code <copy>.ready}) once Keycloak
     * has started from it. A copy without it may be one whose copy or first rebuild was cut short.
     */
    public static Path installProof(Path installDir) {
        return installDir.resolveSibling(installDir.getFileName() + ".ready");
    }

    /** Writes {@link #installProof} for a copy Keycloak has just started from. */
    public static void markInstallProven(Path installDir) {
        try {
            Files.writeString(installProof(installDir), "this Keycloak install copy has started successfully\n");
        } catch (IOException e) {
            throw new DevstackException("Could not write " + installProof(installDir) + ": " + e.getMessage(), e);
        }
    }

    /** Base URL, e.g. {@code http://localhost:8180}; the issuer is {@link #issuer()}. */
    public String url() {
        return "http://localhost:" + port;
    }

    public String issuer() {
        return url() + "/realms/" + REALM;
    }

    public int port() {
        return port;
    }

    public ManagedProcess process() {
        return process;
    }

    public void stop() {
        process.stop("TERM", Duration.ofSeconds(30));
    }

    public boolean realmAnswers() {
        return realmAnswers(url());
    }

    public static boolean realmAnswers(String baseUrl) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create(baseUrl + "/realms/" + REALM + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Each server runs from its own copy: Keycloak writes its build and data into its home, and
     * two servers sharing one home would trip over each other.
     */
    private static Path install(Path installDir) {
        if (Files.isExecutable(installDir.resolve("bin/kc.sh"))) {
            return installDir;
        }
        String version = DevstackHome.keycloakVersion();
        Path unpacked = Archives.unpackZipOnce(() -> Files.newInputStream(DevstackHome.keycloakZip()),
                DevstackHome.root().resolve("keycloak-" + version));
        Path distribution = unpacked.resolve("keycloak-" + version);
        try {
            Files.createDirectories(installDir.getParent());
            Process copy = new ProcessBuilder("cp", "-a", distribution.toString(), installDir.toString())
                    .redirectErrorStream(true).start();
            String output = new String(copy.getInputStream().readAllBytes());
            if (copy.waitFor() != 0) {
                throw new DevstackException("Could not copy Keycloak into " + installDir + ": " + output);
            }
        } catch (IOException e) {
            throw new DevstackException("Could not copy Keycloak into " + installDir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevstackException("Interrupted while copying Keycloak", e);
        }
        return installDir;
    }

    private static void importRealm(Path install, Path realmFile) {
        Path target = install.resolve("data/import/dcis-realm.json");
        try {
            Files.createDirectories(target.getParent());
            if (realmFile != null) {
                Files.copy(realmFile, target, StandardCopyOption.REPLACE_EXISTING);
                return;
            }
            try (InputStream packaged = KeycloakServer.class.getClassLoader()
                    .getResourceAsStream("keycloak/dcis-realm.json")) {
                if (packaged == null) {
                    throw new DevstackException("keycloak/dcis-realm.json is missing from the devstack jar");
                }
                Files.copy(packaged, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new DevstackException("Could not place the realm file in " + target + ": " + e.getMessage(), e);
        }
    }
}
