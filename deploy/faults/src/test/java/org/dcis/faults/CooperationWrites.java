package org.dcis.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.dcis.faults.Clients.Write;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Officers of SN-DAKAR opening cases and logging an action on each, through the gateway, every create with
 * its own Idempotency-Key; then the check of what was acknowledged against what the API stores and what
 * reached {@code dcis.cooperation.v1}.
 */
final class CooperationWrites implements Clients.Plan {
    private final String tag;
    private final Map<Integer, Write> caseWithoutAction = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();

    /** Where each client's write goes (an instance of the service), or null: through the gateway. */
    private final java.util.function.IntFunction<String> instanceFor;

    CooperationWrites(String tag) {
        this(tag, null);
    }

    /** Writes straight at instances of cooperation-service: {@code instanceFor} gives a client's instance address. */
    CooperationWrites(String tag, java.util.function.IntFunction<String> instanceFor) {
        this.tag = tag;
        this.instanceFor = instanceFor;
    }

    String tag() {
        return tag;
    }

    @Override
    public Write next(int client) {
        int n = sequence.incrementAndGet();
        Write last = caseWithoutAction.remove(client);
        if (last != null && last.acknowledged()) {
            String title = tag + " action " + n;
            return new Write(client, "action", title, "POST", "/api/cooperation/cases/" + last.id() + "/actions",
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()), action(title), last.id());
        }
        String title = tag + " case " + n;
        Write open = new Write(client, "case", title, "POST", "/api/cooperation/cases",
                Map.of("Idempotency-Key", UUID.randomUUID().toString()), bilateralCase(title), null);
        caseWithoutAction.put(client, open);
        return open;
    }

    @Override
    public Http.Answer send(Write write) {
        return instanceFor == null ? write.sendAs(Tokens.OFFICER)
                : write.sendTo(instanceFor.apply(write.client), "/api/cooperation", Tokens.OFFICER);
    }

    static Map<String, Object> bilateralCase(String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("summary", "Opened by the fault runs (deploy/faults)");
        body.put("framework", "BILATERAL");
        body.put("partnerCountry", "SN");
        body.put("themes", List.of("DRUG_TRAFFICKING"));
        body.put("leadPost", Tokens.OFFICER_POST);
        body.put("countries", List.of());
        body.put("handling", "INTERNAL");
        body.put("releasableTo", List.of());
        body.put("expectedReturn", "Fewer shipments reaching France");
        return body;
    }

    static Map<String, Object> action(String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "TECHNICAL");
        body.put("type", "TRAINING");
        body.put("title", title);
        body.put("description", "Evidence handling at sea");
        body.put("plannedStart", "2026-01-05");
        body.put("plannedEnd", "2026-01-09");
        body.put("place", Map.of("country", "SN", "city", "Dakar"));
        body.put("participants", Map.of("frenchExperts", 2, "partnerOfficersInvolved", 3, "partnerOfficersTrained", 12));
        return body;
    }

    /** Acknowledged, stored and delivered, compared. */
    record Report(String scenario, int attempted, int acknowledged, int acknowledgedFirstTime, int acknowledgedAfterRetry,
            int replayed, List<Write> unacknowledged, List<Write> refused, List<Write> gaveUp, int storedCases, int storedActions,
            List<String> storedTwice, List<String> acknowledgedNotStored, List<String> storedNotAcknowledged,
            List<String> idMismatch, int delivered, int expectedEvents, int duplicates, List<Topic.Event> differing,
            List<String> casesWithoutEvent, List<String> actionsWithoutEvent, List<String> eventsWithoutStored,
            boolean topicComplete) {

        int stored() {
            return storedCases + storedActions;
        }

        void print() {
            System.out.printf("%n[fault] %s: cooperation writes (cases and actions through the gateway)%n", scenario);
            System.out.printf("  acknowledged %d of %d attempted (first time %d, after retrying %d, of which replayed %d); "
                    + "refused %d, given up %d%n", acknowledged, attempted, acknowledgedFirstTime, acknowledgedAfterRetry,
                    replayed, refused.size(), gaveUp.size());
            System.out.printf("  stored %d (cases %d, actions %d): stored twice %d, acknowledged but not stored %d, "
                    + "stored but never acknowledged %d, id differing from the answer %d%n", stored(), storedCases,
                    storedActions, storedTwice.size(), acknowledgedNotStored.size(), storedNotAcknowledged.size(),
                    idMismatch.size());
            System.out.printf("  %s: delivered %d distinct events of %d expected, duplicates %d (%d not identical); "
                    + "half-written: cases without case.opened %d, actions without action.logged %d, events of nothing "
                    + "stored %d%n", Topic.COOPERATION, delivered, expectedEvents, duplicates, differing.size(),
                    casesWithoutEvent.size(), actionsWithoutEvent.size(), eventsWithoutStored.size());
            System.out.printf("  COUNTS %s cooperation: acknowledged=%d stored=%d delivered=%d duplicates=%d%n", scenario,
                    acknowledged, stored(), delivered, duplicates);
        }

        void assertConsistent() {
            assertThat(unacknowledged).as("writes never acknowledged").isEmpty();
            assertThat(refused).as("writes refused with a 4xx").isEmpty();
            assertThat(gaveUp).as("writes never acknowledged after %s of retries", Clients.RETRY_FOR).isEmpty();
            assertThat(storedTwice).as("titles stored more than once").isEmpty();
            assertThat(acknowledgedNotStored).as("acknowledged writes not stored").isEmpty();
            assertThat(storedNotAcknowledged).as("stored writes no client saw acknowledged").isEmpty();
            assertThat(idMismatch).as("acknowledged ids that differ from the stored ones").isEmpty();
            assertThat(stored()).as("stored = acknowledged").isEqualTo(acknowledged);
            assertThat(casesWithoutEvent).as("stored cases without their case.opened on the topic").isEmpty();
            assertThat(actionsWithoutEvent).as("stored actions without their action.logged on the topic").isEmpty();
            assertThat(eventsWithoutStored).as("events of cases or actions that are not stored").isEmpty();
            assertThat(delivered).as("distinct events delivered = stored changes").isEqualTo(stored());
            assertThat(differing).as("redeliveries that differ from the first delivery").isEmpty();
            assertThat(topicComplete).as("every expected event arrived in time").isTrue();
        }
    }

    Report verify(String scenario, List<Write> writes) {
        List<Write> acknowledged = writes.stream().filter(Write::acknowledged).toList();
        Map<String, Write> byTitle = writes.stream().collect(Collectors.toMap(w -> w.label, w -> w));

        Map<String, List<String>> storedCases = new LinkedHashMap<>();
        for (JsonNode item : Suite.listAll("/api/cooperation/cases?sort=title&text=" + Suite.encode(tag), Tokens.ANALYST)) {
            storedCases.computeIfAbsent(item.path("title").asText(), t -> new ArrayList<>()).add(item.path("id").asText());
        }
        Map<String, List<String>> storedActions = new LinkedHashMap<>();
        Map<String, String> caseOfAction = new HashMap<>();
        for (JsonNode item : Suite.listAll("/api/cooperation/actions?sort=title&text=" + Suite.encode(tag), Tokens.ANALYST)) {
            storedActions.computeIfAbsent(item.path("title").asText(), t -> new ArrayList<>()).add(item.path("id").asText());
            caseOfAction.put(item.path("id").asText(), item.path("caseId").asText());
        }
        Map<String, List<String>> stored = new LinkedHashMap<>(storedCases);
        stored.putAll(storedActions);

        List<String> storedTwice = stored.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " " + e.getValue()).toList();
        List<String> acknowledgedNotStored = acknowledged.stream().filter(w -> !stored.containsKey(w.label))
                .map(Write::toString).toList();
        List<String> storedNotAcknowledged = stored.keySet().stream()
                .filter(title -> !byTitle.containsKey(title) || !byTitle.get(title).acknowledged())
                .map(title -> title + (byTitle.containsKey(title) ? " <- " + byTitle.get(title) : " (no such write)")).toList();
        List<String> idMismatch = acknowledged.stream().filter(w -> stored.containsKey(w.label))
                .filter(w -> !stored.get(w.label).contains(w.id()))
                .map(w -> w.label + ": answered " + w.id() + ", stored " + stored.get(w.label)).toList();

        Set<String> caseIds = storedCases.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        Set<String> actionIds = storedActions.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        int expected = caseIds.size() + actionIds.size();
        Topic.Delivery delivery = Topic.read(Topic.COOPERATION,
                event -> caseIds.contains(event.key()) || event.data().path("title").asText("").contains(tag),
                d -> d.distinct().size() >= expected, Duration.ofSeconds(90));

        Set<String> opened = new HashSet<>();
        Set<String> logged = new HashSet<>();
        List<String> eventsWithoutStored = new ArrayList<>();
        for (Topic.Event event : delivery.distinct()) {
            switch (String.valueOf(event.type())) {
                case "case.opened" -> opened.add(event.subject());
                case "action.logged" -> logged.add(event.subject());
                default -> eventsWithoutStored.add("unexpected " + event.type() + " " + event.id());
            }
            boolean known = "action.logged".equals(event.type()) ? actionIds.contains(event.subject())
                    && event.key().equals(caseOfAction.get(event.subject())) : caseIds.contains(event.subject());
            if (!known) {
                eventsWithoutStored.add(event.type() + " " + event.id() + " of " + event.subject() + " (key " + event.key() + ")");
            }
        }
        List<String> casesWithoutEvent = caseIds.stream().filter(id -> !opened.contains(id)).toList();
        List<String> actionsWithoutEvent = actionIds.stream().filter(id -> !logged.contains(id)).toList();

        return new Report(scenario, writes.size(), acknowledged.size(),
                (int) writes.stream().filter(Write::acknowledgedFirstTime).count(),
                (int) acknowledged.stream().filter(w -> !w.acknowledgedFirstTime()).count(),
                (int) acknowledged.stream().filter(Write::replayed).count(),
                writes.stream().filter(w -> !w.acknowledged()).toList(), writes.stream().filter(Write::refused).toList(), writes.stream().filter(w -> w.gaveUp).toList(),
                caseIds.size(), actionIds.size(), storedTwice, acknowledgedNotStored, storedNotAcknowledged,
                idMismatch, delivery.distinct().size(), expected, delivery.duplicates(), delivery.differingRedeliveries(),
                casesWithoutEvent, actionsWithoutEvent, eventsWithoutStored, delivery.complete());
    }
}
