package org.dcis.cooperation.partner;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.dcis.cooperation.reference.Organisation;
import org.dcis.platform.problem.InvalidParameter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Incremental sync of a partner organisation: the changes of its change log after a cursor, in a stable order.
 *
 * <p>The cursor is a position in the log, {@code <tx>.<seq>}: the writing transaction's id and the row's number, never
 * a wall-clock time. A row is handed out only once every transaction with a smaller id has ended (its id lies below
 * the xmin of the reader's snapshot), so no row can later commit behind a cursor already given: a partner that
 * pages from the start, while writes go on, reads every change exactly once. A transaction still running holds the
 * rows after it back until it ends; that is the price of missing nothing.
 */
@ApplicationScoped
public class PartnerSync {
    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 1000;
    public static final String START = "0.0";
    private static final Pattern CURSOR = Pattern.compile("(\\d{1,19})\\.(\\d{1,19})");

    private final EntityManager em;
    private final ObjectMapper json;

    PartnerSync(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** One change as partners read it: its position, type, case, subject, time and the partner view (or withdrawal). */
    public record Change(String cursor, String type, UUID caseId, UUID subject, Instant changedAt, JsonNode data) {
    }

    /** A page of changes, the cursor to ask from next, and whether more changes are already readable. */
    public record Changes(List<Change> changes, String nextCursor, boolean more) {
    }

    public Changes after(Organisation organisation, String cursor, int size) {
        long[] position = parse(cursor);
        @SuppressWarnings("unchecked")
        // ordered by the xid8 column itself, not by its text (an output column named tx would sort "9450" after "14389")
        List<Object[]> rows = em.createNativeQuery("SELECT c.tx::text AS position, c.seq, c.change_type, c.case_id,"
                + " c.subject, c.payload::text, c.changed_at FROM partner_change c WHERE c.organisation = :organisation"
                + " AND (c.tx, c.seq) > (CAST(:tx AS xid8), :seq) AND c.tx < pg_snapshot_xmin(pg_current_snapshot())"
                + " ORDER BY c.tx, c.seq LIMIT :limit")
                .setParameter("organisation", organisation.name())
                .setParameter("tx", Long.toUnsignedString(position[0])).setParameter("seq", position[1])
                .setParameter("limit", size + 1)
                .getResultList();
        List<Change> changes = new ArrayList<>();
        for (Object[] row : rows.subList(0, Math.min(size, rows.size()))) {
            changes.add(new Change(row[0] + "." + row[1], (String) row[2], (UUID) row[3], (UUID) row[4],
                    instant(row[6]), tree((String) row[5])));
        }
        String next = changes.isEmpty() ? format(position) : changes.get(changes.size() - 1).cursor();
        return new Changes(changes, next, rows.size() > size);
    }

    private static long[] parse(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return new long[] { 0, 0 };
        }
        var matcher = CURSOR.matcher(cursor);
        if (cursor.length() > 40 || !matcher.matches()) {
            throw new InvalidParameter("updatedSince", "not a cursor of this API: give the nextCursor of the previous"
                    + " answer, or nothing to start from the beginning");
        }
        try {
            return new long[] { Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)) };
        } catch (NumberFormatException e) {
            throw new InvalidParameter("updatedSince", "not a cursor of this API: a position beyond the log");
        }
    }

    private static String format(long[] position) {
        return position[0] + "." + position[1];
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime t ? t.toInstant() : (Instant) value;
    }

    private JsonNode tree(String payload) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("partner change log holds unreadable JSON", e);
        }
    }
}
