package org.dcis.cooperation.support;

import java.util.List;

import javax.sql.DataSource;

/** Reads of cooperation-service's own database (locks, outbox order), on the devstack's shared {@code Database}. */
public final class Database {
    private Database() {
    }

    public static List<String> strings(DataSource dataSource, String sql, Object... params) {
        return org.dcis.devstack.testing.Database.strings(dataSource, sql, params);
    }

    public static long count(DataSource dataSource, String sql, Object... params) {
        return Long.parseLong(strings(dataSource, sql, params).get(0));
    }

    /** Some session of the service's database waits for a lock another one holds. */
    public static boolean someoneWaitsForALock(DataSource dataSource) {
        return count(dataSource, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND wait_event_type = 'Lock'") > 0;
    }

    /**
     * The types of the events written on dcis.cooperation.v1 for one key (a case), in the order the relay sends them
     * (the partner feeds write on their own topics with the same key).
     */
    public static List<String> outboxTypes(DataSource dataSource, String key) {
        return strings(dataSource, "SELECT event_type FROM outbox_event WHERE topic = 'dcis.cooperation.v1'"
                + " AND event_key = ? ORDER BY id", key);
    }
}
