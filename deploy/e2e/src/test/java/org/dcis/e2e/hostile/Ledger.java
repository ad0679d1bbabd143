package org.dcis.e2e.hostile;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Every 2xx write the run caused (fixtures, hostile requests, clean-up), in the order they were answered,
 * and the comparison of the stack's data before and after the run against it: the data after must be the
 * data before plus exactly what these answers created and changed.
 */
final class Ledger {
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");

    /** One acknowledged write: what it created or changed, and every value its request and answer mention. */
    record Write(long order, String collection, String id, boolean create, boolean replayed, String origin, JsonNode answer,
            Set<String> mentions) {
    }

    private final AtomicLong clock = new AtomicLong();
    private final List<Write> writes = new ArrayList<>();

    synchronized Write record(String collection, String id, boolean create, boolean replayed, String origin, JsonNode request,
            JsonNode answer, String path) {
        Set<String> mentions = new HashSet<>();
        scalars(request, mentions);
        scalars(answer, mentions);
        for (String segment : path.split("[/?&=]")) {
            if (!segment.isEmpty()) {
                mentions.add(java.net.URLDecoder.decode(segment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        if (id != null) {
            mentions.add(id);
        }
        Write write = new Write(clock.incrementAndGet(), collection, id, create, replayed, origin, answer, mentions);
        writes.add(write);
        return write;
    }

    synchronized List<Write> writes() {
        return List.copyOf(writes);
    }

    synchronized int size() {
        return writes.size();
    }

    /** Ids of the resources the run created in a collection (replays excluded). */
    synchronized Set<String> created(String collection) {
        Set<String> ids = new TreeSet<>();
        for (Write write : writes) {
            if (write.create() && !write.replayed() && write.collection().equals(collection) && write.id() != null) {
                ids.add(write.id());
            }
        }
        return ids;
    }

    /** Every value an acknowledged write to a service mentioned: what of that service may have changed as a consequence. */
    synchronized Set<String> touched(String service) {
        Set<String> all = new HashSet<>();
        for (Write write : writes) {
            if (service(write.collection()).equals(service)) {
                all.addAll(write.mentions());
            }
        }
        return all;
    }

    /** Ids of the resources acknowledged writes to a service created or changed. */
    synchronized Set<String> written(String service) {
        Set<String> ids = new HashSet<>();
        for (Write write : writes) {
            if (write.id() != null && service(write.collection()).equals(service)) {
                ids.add(write.id());
            }
        }
        return ids;
    }

    /** The service of a collection key ("posts-service /posts"). */
    static String service(String collectionKey) {
        return collectionKey.substring(0, collectionKey.indexOf(' '));
    }

    private static void scalars(JsonNode node, Set<String> into) {
        if (node == null) {
            return;
        }
        if (node.isValueNode()) {
            into.add(node.asText());
        } else {
            node.forEach(child -> scalars(child, into));
        }
    }

    /**
     * The data comparison. For each listed collection: nothing disappeared; what appeared is exactly what
     * 2xx creates answered; in a derived collection (the audit trail, or a projection of another service's
     * collection such as the directory of posts) an item appears only for a resource a 2xx write of that
     * service (of the source service, for a projection) created or changed; an item changes only if a 2xx
     * write to its service (to the source service, for a projection) mentions it; and every resource the
     * run wrote reads back as its last 2xx answer said (only its version is compared when a later write of
     * another resource mentions it, as assigning an officer changes a post).
     *
     * @param projections copy collection key → source collection key
     */
    List<Verdicts.Failure> compare(Map<String, World.Collection> collections, Set<String> creatable, Map<String, String> projections,
            Map<String, Map<String, JsonNode>> before, Map<String, Map<String, JsonNode>> after) {
        List<Verdicts.Failure> failures = new ArrayList<>();
        List<Write> all = writes();
        for (World.Collection collection : collections.values()) {
            String key = collection.key();
            String service = service(projections.getOrDefault(key, key));
            Set<String> touched = touched(service);
            Set<String> writtenIds = written(service);
            Map<String, JsonNode> was = before.getOrDefault(key, Map.of());
            Map<String, JsonNode> is = after.getOrDefault(key, Map.of());
            for (String id : was.keySet()) {
                if (!is.containsKey(id)) {
                    failures.add(new Verdicts.Failure("data: an item disappeared", key + " " + id));
                }
            }
            Set<String> appeared = new TreeSet<>(is.keySet());
            appeared.removeAll(was.keySet());
            if (creatable.contains(key)) {
                Set<String> expected = created(key);
                expected.removeAll(was.keySet());
                for (String id : expected) {
                    if (!is.containsKey(id)) {
                        failures.add(new Verdicts.Failure("data: a 2xx create is not stored", key + " " + id));
                    }
                }
                for (String id : appeared) {
                    if (!expected.contains(id)) {
                        failures.add(new Verdicts.Failure("data: an item appeared that no 2xx answer created",
                                key + " " + id + " " + Verdicts.excerpt(is.get(id).toString())));
                    }
                }
            } else {
                for (String id : appeared) {
                    if (!explained(is.get(id), id, projections.containsKey(key), writtenIds)) {
                        failures.add(new Verdicts.Failure("data: an item appeared that no 2xx write explains",
                                key + " " + id + " " + Verdicts.excerpt(is.get(id).toString())));
                    }
                }
            }
            for (Map.Entry<String, JsonNode> item : was.entrySet()) {
                JsonNode now = is.get(item.getKey());
                if (now != null && !normalised(now).equals(normalised(item.getValue())) && !touched.contains(item.getKey())) {
                    failures.add(new Verdicts.Failure("data: an item changed that no 2xx write mentions",
                            key + " " + item.getKey() + " before " + Verdicts.excerpt(item.getValue().toString()) + " after "
                                    + Verdicts.excerpt(now.toString())));
                }
            }
        }
        // Every written resource reads back as its last 2xx answer.
        Map<String, Write> last = new LinkedHashMap<>();
        for (Write write : all) {
            if (write.id() != null && !write.replayed()) {
                last.put(write.collection() + "|" + write.id(), write);
            }
        }
        for (Write write : last.values()) {
            JsonNode stored = after.getOrDefault(write.collection(), Map.of()).get(write.id());
            if (stored == null || write.answer() == null || !write.answer().isObject()) {
                continue; // a missing one is reported above
            }
            boolean mentionedLater = all.stream().anyMatch(w -> w.order() > write.order() && w.mentions().contains(write.id())
                    && !(write.id().equals(w.id()) && write.collection().equals(w.collection())));
            if (mentionedLater) {
                long answered = write.answer().path("version").asLong(-1);
                long now = stored.path("version").asLong(-1);
                if (answered >= 0 && now < answered) {
                    failures.add(new Verdicts.Failure("data: stored version older than a 2xx answer",
                            write.collection() + " " + write.id() + " answered version " + answered + ", stored " + now));
                }
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = write.answer().fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                if (stored.has(field.getKey()) && !normalised(stored.get(field.getKey())).equals(normalised(field.getValue()))) {
                    failures.add(new Verdicts.Failure("data: stored state differs from the last 2xx answer",
                            write.collection() + " " + write.id() + " field " + field.getKey() + ": answered "
                                    + Verdicts.excerpt(field.getValue().toString()) + ", stored " + Verdicts.excerpt(stored.get(field.getKey()).toString())
                                    + " (" + write.origin() + ")"));
                }
            }
        }
        return failures;
    }

    /** A projection's new item mirrors a resource the source service wrote; another new item names one (an audit entry's target). */
    private static boolean explained(JsonNode item, String id, boolean projection, Set<String> writtenIds) {
        if (projection) {
            return writtenIds.contains(id);
        }
        for (Iterator<JsonNode> it = item.elements(); it.hasNext();) {
            JsonNode value = it.next();
            if (value.isValueNode() && writtenIds.contains(value.asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Instants compared to the microsecond, rounded as PostgreSQL stores them (an answer may carry the
     * nanoseconds of the clock that the database then rounds: not a change of data).
     */
    static JsonNode normalised(JsonNode node) {
        if (node.isTextual() && INSTANT.matcher(node.asText()).matches()) {
            return TextNode.valueOf(Instant.parse(node.asText()).plusNanos(500).truncatedTo(ChronoUnit.MICROS).toString());
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), normalised(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(child -> copy.add(normalised(child)));
            return copy;
        }
        return node;
    }

}
