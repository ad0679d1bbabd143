package org.dcis.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {
    @TempDir
    Path dir;

    @Test
    void runsARealPostgres17AndKeepsDataAcrossARestart() throws Exception {
        var settings = new PostgresServer.Settings(dir.resolve("data"), 0, dir.resolve("pg.log"), true, false);
        PostgresServer first = PostgresServer.start(settings);
        int port = first.port();
        try {
            first.ensureDatabase("posts", "posts", "posts");
            try (Connection c = DriverManager.getConnection(first.jdbcUrl("posts"), "posts", "posts");
                    Statement s = c.createStatement()) {
                try (ResultSet version = s.executeQuery("SHOW server_version")) {
                    version.next();
                    assertThat(version.getString(1)).startsWith("17.");
                }
                s.execute("CREATE TABLE kept (name text)");
                s.execute("INSERT INTO kept VALUES ('SN-DAKAR')");
            }
        } finally {
            first.stop();
        }
        assertThat(first.process().isAlive()).isFalse();

        PostgresServer second = PostgresServer.start(
                new PostgresServer.Settings(dir.resolve("data"), port, dir.resolve("pg.log"), true, false));
        try (Connection c = DriverManager.getConnection(second.jdbcUrl("posts"), "posts", "posts");
                Statement s = c.createStatement();
                ResultSet kept = s.executeQuery("SELECT name FROM kept")) {
            assertThat(kept.next()).isTrue();
            assertThat(kept.getString(1)).isEqualTo("SN-DAKAR");
        } finally {
            second.stop();
        }
    }

    @Test
    void refusesATakenPortWithAClearMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var settings = new PostgresServer.Settings(dir.resolve("data"), taken.getLocalPort(),
                    dir.resolve("pg.log"), false, false);
            assertThatThrownBy(() -> PostgresServer.start(settings))
                    .isInstanceOf(DevstackException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " is already taken");
        }
    }
}
