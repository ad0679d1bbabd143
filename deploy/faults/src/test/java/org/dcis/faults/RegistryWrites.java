package org.dcis.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.awaitility.core.ConditionTimeoutException;
import org.dcis.faults.Clients.Write;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The registry administrator opening posts in countries nobody covers (each client its own countries), and,
 * if asked, closing each post again right after; then the check of what was acknowledged against what the
 * registry stores, what reached {@code dcis.posts.v1} and what cooperation-service's directory shows.
 */
final class RegistryWrites implements Clients.Plan {
    private final String tag;
    private final boolean closeEach;
    private final List<List<String>> countries = new ArrayList<>();
    private final Map<Integer, Integer> nextCountry = new ConcurrentHashMap<>();
    private final Map<Integer, Write> openNotClosed = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();

    /**
     * @param closeEach close every post once it is open (a country is then free again and reused), else open
     *                  each of the client's countries once
     */
    /** Where each client's write goes (an instance of the service), or null: through the gateway. */
    private java.util.function.IntFunction<String> instanceFor;

    /** Writes straight at instances of posts-service from now on: {@code instanceFor} gives a client's instance. */
    RegistryWrites to(java.util.function.IntFunction<String> instances) {
        this.instanceFor = instances;
        return this;
    }

    RegistryWrites(String tag, int clients, boolean closeEach) {
        this.tag = tag;
        this.closeEach = closeEach;
        List<String> free = uncoveredCountries();
        Collections.shuffle(free);
        for (int c = 0; c < clients; c++) {
            countries.add(new ArrayList<>());
        }
        for (int i = 0; i < free.size(); i++) {
            countries.get(i % clients).add(free.get(i));
        }
    }

    static List<String> uncoveredCountries() {
        return Suite.listAll("/api/posts/countries?covered=false&sort=code", Tokens.ADMIN).stream()
                .map(c -> c.path("code").asText()).collect(Collectors.toCollection(ArrayList::new));
    }

    /** Free countries at the start, spread over the clients. */
    int countries() {
        return countries.stream().mapToInt(List::size).sum();
    }

    @Override
    public Write next(int client) {
        Write open = openNotClosed.remove(client);
        if (closeEach && open != null && open.acknowledged()) {
            return close(client, open.label, open.version(), tag);
        }
        List<String> mine = countries.get(client);
        int index = nextCountry.merge(client, 1, Integer::sum) - 1;
        if (mine.isEmpty() || (!closeEach && index >= mine.size())) {
            return null;
        }
        String country = mine.get(index % mine.size());
        String id = country + "-" + tag + "-" + sequence.incrementAndGet();
        Write write = new Write(client, "open", id, "POST", "/api/posts/posts",
                Map.of("Idempotency-Key", UUID.randomUUID().toString()), post(id, country), null);
        openNotClosed.put(client, write);
        return write;
    }

    static Write close(int client, String id, long version, String tag) {
        return new Write(client, "close", id, "PUT", "/api/posts/posts/" + id + "/status",
                Map.of("If-Match", "\"" + version + "\""), Map.of("status", "CLOSED"), id);
    }

    @Override
    public Http.Answer send(Write write) {
        return instanceFor == null ? write.sendAs(Tokens.ADMIN)
                : write.sendTo(instanceFor.apply(write.client), "/api/posts", Tokens.ADMIN);
    }

    static Map<String, Object> post(String id, String country) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("hostCountry", country);
        body.put("city", "Fault city " + country);
        body.put("embassy", "Ambassade de France (fault runs)");
        body.put("contact", Map.of("email", "faults@example.org", "phone", "+33 1 00 00 00 00"));
        return body;
    }

    /** Acknowledged, stored, delivered and projected, compared. */
    record Report(String scenario, int attempted, int acknowledged, int acknowledgedFirstTime,
            int acknowledgedAfterRetry, int replayed, List<Write> unacknowledged, List<Write> refused, List<Write> gaveUp, int storedPosts,
            long storedChanges, List<String> acknowledgedNotStored, List<String> storedNotAcknowledged,
            List<String> wrongState, int delivered, int duplicates, List<Topic.Event> differing,
            List<String> eventsPerPostWrong, List<String> postsWithoutOpened, int directoryUpToDate,
            List<String> directoryBehind, boolean topicComplete) {

        void print() {
            System.out.printf("%n[fault] %s: registry writes (posts opened%s through the gateway)%n", scenario,
                    storedChanges > storedPosts ? " and closed" : "");
            System.out.printf("  acknowledged %d of %d attempted (first time %d, after retrying %d, of which replayed %d); "
                    + "refused %d, given up %d%n", acknowledged, attempted, acknowledgedFirstTime, acknowledgedAfterRetry,
                    replayed, refused.size(), gaveUp.size());
            System.out.printf("  stored %d posts, %d changes (sum of versions): acknowledged but not stored %d, stored "
                    + "but never acknowledged %d, state differing from the acknowledged writes %d%n", storedPosts,
                    storedChanges, acknowledgedNotStored.size(), storedNotAcknowledged.size(), wrongState.size());
            System.out.printf("  %s: delivered %d distinct events, duplicates %d (%d not identical); posts whose events "
                    + "are not exactly their versions %d, without post.opened %d%n", Topic.POSTS, delivered, duplicates,
                    differing.size(), eventsPerPostWrong.size(), postsWithoutOpened.size());
            System.out.printf("  cooperation-service's directory: %d of %d posts at the registry's version and status%n",
                    directoryUpToDate, storedPosts);
            System.out.printf("  COUNTS %s registry: acknowledged=%d stored=%d delivered=%d duplicates=%d directory=%d%n",
                    scenario, acknowledged, storedChanges, delivered, duplicates, directoryUpToDate);
        }

        void assertConsistent() {
            assertThat(unacknowledged).as("writes never acknowledged").isEmpty();
            assertThat(refused).as("writes refused with a 4xx").isEmpty();
            assertThat(gaveUp).as("writes never acknowledged after %s of retries", Clients.RETRY_FOR).isEmpty();
            assertThat(acknowledgedNotStored).as("acknowledged writes not stored").isEmpty();
            assertThat(storedNotAcknowledged).as("stored posts no client saw acknowledged").isEmpty();
            assertThat(wrongState).as("stored posts whose status or version differ from what was acknowledged").isEmpty();
            assertThat(storedChanges).as("stored changes = acknowledged writes").isEqualTo(acknowledged);
            assertThat(postsWithoutOpened).as("stored posts without post.opened on the topic").isEmpty();
            assertThat(eventsPerPostWrong).as("posts whose distinct events are not one per version").isEmpty();
            assertThat((long) delivered).as("distinct events delivered = stored changes").isEqualTo(storedChanges);
            assertThat(differing).as("redeliveries that differ from the first delivery").isEmpty();
            assertThat(topicComplete).as("every expected event arrived in time").isTrue();
            assertThat(directoryBehind).as("directory entries behind the registry").isEmpty();
            assertThat(directoryUpToDate).as("directory entries up to date = stored posts").isEqualTo(storedPosts);
        }
    }

    Report verify(String scenario, List<Write> writes) {
        List<Write> acknowledged = writes.stream().filter(Write::acknowledged).toList();
        Map<String, JsonNode> stored = new LinkedHashMap<>();
        Suite.listAll("/api/posts/posts?sort=id&text=" + Suite.encode(tag), Tokens.ADMIN)
                .forEach(post -> stored.put(post.path("id").asText(), post));
        Map<String, Write> opens = writes.stream().filter(w -> w.kind.equals("open"))
                .collect(Collectors.toMap(w -> w.label, w -> w));
        Map<String, Write> closes = writes.stream().filter(w -> w.kind.equals("close"))
                .collect(Collectors.toMap(w -> w.label, w -> w));

        List<String> acknowledgedNotStored = acknowledged.stream().filter(w -> !stored.containsKey(w.label))
                .map(Write::toString).toList();
        List<String> storedNotAcknowledged = stored.keySet().stream()
                .filter(id -> !opens.containsKey(id) || !opens.get(id).acknowledged()).toList();
        List<String> wrongState = new ArrayList<>();
        long storedChanges = 0;
        for (JsonNode post : stored.values()) {
            String id = post.path("id").asText();
            storedChanges += post.path("version").asLong();
            boolean closed = closes.containsKey(id) && closes.get(id).acknowledged();
            String expectedStatus = closed ? "CLOSED" : "OPEN";
            long expectedVersion = closed ? 2 : 1;
            if (!expectedStatus.equals(post.path("status").asText()) || post.path("version").asLong() != expectedVersion) {
                wrongState.add(id + " is " + post.path("status").asText() + " v" + post.path("version").asLong()
                        + ", expected " + expectedStatus + " v" + expectedVersion);
            }
        }

        Map<String, Long> versions = stored.values().stream()
                .collect(Collectors.toMap(p -> p.path("id").asText(), p -> p.path("version").asLong()));
        long expectedEvents = storedChanges;
        Topic.Delivery delivery = Topic.read(Topic.POSTS,
                event -> versions.containsKey(event.key()) || event.key() != null && event.key().contains("-" + tag + "-"),
                d -> d.distinct().size() >= expectedEvents, Duration.ofSeconds(90));
        Map<String, List<Topic.Event>> byKey = delivery.byKey();
        List<String> eventsPerPostWrong = new ArrayList<>();
        List<String> withoutOpened = new ArrayList<>();
        Map<String, String> lastEventIds = new LinkedHashMap<>();
        for (Map.Entry<String, Long> post : versions.entrySet()) {
            List<Topic.Event> events = byKey.getOrDefault(post.getKey(), List.of());
            if (events.size() != post.getValue()) {
                eventsPerPostWrong.add(post.getKey() + " v" + post.getValue() + " has " + events.size() + " events "
                        + events.stream().map(Topic.Event::type).toList());
            }
            if (events.stream().noneMatch(e -> "post.opened".equals(e.type()))) {
                withoutOpened.add(post.getKey());
            }
            events.stream().filter(e -> e.data().path("version").asLong() == post.getValue()).findFirst()
                    .ifPresent(e -> lastEventIds.put(post.getKey(), e.id()));
        }
        byKey.keySet().stream().filter(key -> !versions.containsKey(key))
                .forEach(key -> eventsPerPostWrong.add("events of " + key + ", which the registry does not have"));

        List<String> behind = awaitDirectory(stored, lastEventIds);
        return new Report(scenario, writes.size(), acknowledged.size(),
                (int) writes.stream().filter(Write::acknowledgedFirstTime).count(),
                (int) acknowledged.stream().filter(w -> !w.acknowledgedFirstTime()).count(),
                (int) acknowledged.stream().filter(Write::replayed).count(),
                writes.stream().filter(w -> !w.acknowledged()).toList(), writes.stream().filter(Write::refused).toList(), writes.stream().filter(w -> w.gaveUp).toList(),
                stored.size(), storedChanges, acknowledgedNotStored, storedNotAcknowledged, wrongState,
                delivery.distinct().size(), delivery.duplicates(), delivery.differingRedeliveries(), eventsPerPostWrong,
                withoutOpened, stored.size() - behind.size(), behind, delivery.complete());
    }

    /**
     * Waits until cooperation-service's directory shows every post at the registry's version and status, fed
     * by the last event of that version; answers the entries still behind when the wait ran out.
     */
    static List<String> awaitDirectory(Map<String, JsonNode> stored, Map<String, String> lastEventIds) {
        return awaitDirectory(stored, lastEventIds, Duration.ofSeconds(90));
    }

    static List<String> awaitDirectory(Map<String, JsonNode> stored, Map<String, String> lastEventIds, Duration atMost) {
        Map<String, String> behind = new ConcurrentHashMap<>();
        stored.keySet().forEach(id -> behind.put(id, "not read yet"));
        try {
            await("cooperation-service's directory catching up with " + stored.size() + " posts")
                    .atMost(atMost).pollInterval(Duration.ofSeconds(1)).until(() -> {
                        for (String id : List.copyOf(behind.keySet())) {
                            JsonNode post = stored.get(id);
                            Http.Answer entry = Http.get(FaultStack.get().gateway() + "/api/cooperation/directory/posts/" + id,
                                    Tokens.of(Tokens.ADMIN));
                            JsonNode json = entry.json();
                            boolean current = entry.ok() && json.path("version").asLong() == post.path("version").asLong()
                                    && json.path("status").asText().equals(post.path("status").asText())
                                    && (!lastEventIds.containsKey(id) || lastEventIds.get(id).equals(json.path("lastEventId").asText()));
                            if (current) {
                                behind.remove(id);
                            } else {
                                behind.put(id, entry.brief());
                            }
                        }
                        return behind.isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            // reported below, entry by entry
        }
        return behind.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
    }
}
