package org.dcis.devstack.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a service at a real PostgreSQL. Init arg {@code database}: the service's own database,
 * created with a role of the same name.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {
    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        var postgres = SharedServers.postgres();
        postgres.ensureDatabase(database, database, database);
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", database,
                "quarkus.datasource.password", database);
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; SharedServers stops it at exit
    }
}
