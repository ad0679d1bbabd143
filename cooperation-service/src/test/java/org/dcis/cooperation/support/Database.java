package org.dcis.cooperation.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** Small reads of the service's own database, for what the API does not show. */
public final class Database {
    private Database() {
    }

    public static List<String> strings(DataSource dataSource, String sql, Object... params) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    values.add(result.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(DataSource dataSource, String sql, Object... params) {
        return Long.parseLong(strings(dataSource, sql, params).get(0));
    }

    /** Some session of the service's database waits for a lock another one holds. */
    public static boolean someoneWaitsForALock(DataSource dataSource) {
        return count(dataSource, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND wait_event_type = 'Lock'") > 0;
    }

    /** The types of the events written for one key (a case), in the order the relay sends them. */
    public static List<String> outboxTypes(DataSource dataSource, String key) {
        return strings(dataSource, "SELECT event_type FROM outbox_event WHERE event_key = ? ORDER BY id", key);
    }
}
