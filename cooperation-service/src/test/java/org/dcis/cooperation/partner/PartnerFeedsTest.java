package org.dcis.cooperation.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dcis.cooperation.support.Api.ANALYST;
import static org.dcis.cooperation.support.Api.DAKAR;
import static org.dcis.cooperation.support.Api.as;
import static org.dcis.cooperation.support.Cases.action;
import static org.dcis.cooperation.support.Cases.bilateral;
import static org.dcis.cooperation.support.Cases.with;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.dcis.cooperation.actions.ActionSnapshot;
import org.dcis.cooperation.cases.CaseSnapshot;
import org.dcis.cooperation.support.Batches;
import org.dcis.cooperation.support.CooperationTopic;
import org.dcis.cooperation.support.Database;
import org.dcis.cooperation.support.Directory;
import org.dcis.devstack.testing.SharedServers;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The partner feeds, read as a partner system reads them: a plain consumer on dcis.partner.eu.v1 and
 * dcis.partner.un.v1 through the real broker. Each carries exactly the cases released to its organisation (and their
 * actions), in the partner API's shape, and a withdrawal without content when a case stops being released.
 */
@QuarkusTest
class PartnerFeedsTest {
    private static final String EU_TOPIC = "dcis.partner.eu.v1";
    private static final String UN_TOPIC = "dcis.partner.un.v1";
    private static final Set<String> CASE_TYPES = Set.of("case.opened", "case.updated", "case.closed");
    private static final Set<String> ACTION_TYPES = Set.of("action.logged", "action.updated", "action.status-changed");

    @Inject
    ObjectMapper json;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    PartnerFeedConsumer consumer;

    @Test
    void eachTopicCarriesExactlyTheCasesReleasedToItsOrganisationAsThePartnerViewAndAWithdrawalWithoutContent()
            throws Exception {
        Directory.standardPosts();
        String tag = "Feeds " + UUID.randomUUID();
        Map<String, Map<String, Object>> bodies = new LinkedHashMap<>();
        open(bodies, multilateral(tag + " EU released", "EU", "EUCAP-SAHEL-MALI", "ML", "INTERNAL", List.of("EU")));
        open(bodies, multilateral(tag + " EU released to both", "EU", "EUCAP-SAHEL-MALI", "ML", "INTERNAL",
                List.of("EU", "UN")));
        open(bodies, multilateral(tag + " EU restricted", "EU", "EUCAP-SAHEL-MALI", "ML", "RESTRICTED", List.of("EU")));
        open(bodies, multilateral(tag + " EU not releasable", "EU", "EUCAP-SAHEL-MALI", "ML", "INTERNAL", List.of()));
        open(bodies, multilateral(tag + " EU released to the UN", "EU", "EUCAP-SAHEL-MALI", "ML", "INTERNAL",
                List.of("UN")));
        open(bodies, multilateral(tag + " UN released", "UN", "UNODC-CRIMJUST", "SN", "INTERNAL", List.of("UN")));
        open(bodies, multilateral(tag + " UN restricted", "UN", "UNODC-CRIMJUST", "SN", "RESTRICTED", List.of("UN")));
        open(bodies, multilateral(tag + " UN released to the EU", "UN", "UNODC-CRIMJUST", "SN", "INTERNAL",
                List.of("EU")));
        open(bodies, multilateral(tag + " Interpol", "INTERPOL", "INTERPOL-LIONFISH", "SN", "INTERNAL",
                List.of("INTERPOL")));
        open(bodies, with(bilateral(tag + " bilateral", "SN-DAKAR", "SN"), "releasableTo", List.of("EU", "UN")));
        String late = open(bodies, multilateral(tag + " EU released later", "EU", "EUCAP-SAHEL-MALI", "ML", "INTERNAL",
                List.of()));

        // an action on every case, one of them moved on; the late case gets its release after its action
        Map<String, String> actionOf = new LinkedHashMap<>();
        for (var entry : bodies.entrySet()) {
            actionOf.put(entry.getKey(), logAction(entry.getKey(), entry.getValue()));
        }
        String first = bodies.keySet().iterator().next();
        as(DAKAR).header("If-Match", "\"" + version("/actions/" + actionOf.get(first)) + "\"")
                .body(Map.of("status", "IN_PROGRESS"))
                .post("/actions/" + actionOf.get(first) + "/status").then().statusCode(200);
        as(DAKAR).header("If-Match", "\"" + version("/cases/" + late) + "\"")
                .body(with(bodies.get(late), "releasableTo", List.of("EU")))
                .put("/cases/" + late).then().statusCode(200);

        // the expectation, from the cases as the API returns them and the rule of issue 13
        Map<String, JsonNode> cases = new HashMap<>();
        for (String id : bodies.keySet()) {
            cases.put(id, json.readTree(as(ANALYST).get("/cases/" + id).then().statusCode(200).extract().asString()));
        }
        Set<String> expectedEu = releasedTo(cases, "EU");
        Set<String> expectedUn = releasedTo(cases, "UN");
        assertThat(expectedEu).hasSize(3).contains(first, late);
        assertThat(expectedUn).hasSize(1);

        try (Feed eu = new Feed(EU_TOPIC); Feed un = new Feed(UN_TOPIC)) {
            for (Feed feed : List.of(eu, un)) {
                Set<String> expected = feed == eu ? expectedEu : expectedUn;
                // until each released case and its action are there as they stand now
                feed.until(records -> expected.stream().allMatch(id -> hasVersion(records, id, "case.",
                        cases.get(id).path("version").asLong())
                        && hasVersion(records, id, "action.", version("/actions/" + actionOf.get(id)))));
                feed.drain();
                Set<String> mine = feed.records.stream().map(ConsumerRecord::key).filter(bodies::containsKey)
                        .collect(Collectors.toSet());
                assertThat(mine).as("cases of the data set on %s", feed.topic).isEqualTo(expected);
                String organisation = feed == eu ? "EU" : "UN";
                for (var record : feed.records) {
                    CloudEvent event = parse(record);
                    JsonNode data = json.readTree(event.getData().toBytes());
                    assertThat(event.getSource()).isEqualTo(URI.create("/dcis/cooperation-service"));
                    if (CASE_TYPES.contains(event.getType())) {
                        // whatever the test that wrote it: nothing of another organisation on this topic
                        assertThat(data.path("organisation").asText()).isEqualTo(organisation);
                        assertThat(data.path("id").asText()).isEqualTo(record.key());
                    } else {
                        // a withdrawal (another test's case) says no more than the case id, when and why
                        assertThat(event.getType()).isIn(union(ACTION_TYPES, Set.of(PartnerEvents.WITHDRAWN)));
                        assertThat(data.path("caseId").asText()).isEqualTo(record.key());
                    }
                }
                for (String id : expected) {
                    JsonNode lastCase = last(feed.records, id, CASE_TYPES);
                    CaseSnapshot asApi = json.treeToValue(cases.get(id), CaseSnapshot.class);
                    assertThat(lastCase).isEqualTo(asOnTheWire(PartnerCase.of(asApi)));
                    String actionId = actionOf.get(id);
                    JsonNode lastAction = last(feed.records, id, ACTION_TYPES);
                    ActionSnapshot actionAsApi = json.readValue(as(ANALYST).get("/actions/" + actionId).then()
                            .statusCode(200).extract().asString(), ActionSnapshot.class);
                    assertThat(lastAction).isEqualTo(asOnTheWire(PartnerAction.of(actionAsApi)));
                }
            }
            assertThat(types(eu.records, first)).containsExactly("case.opened", "action.logged",
                    "action.status-changed");
            // released after its action was logged: the action follows the release
            assertThat(types(eu.records, late)).containsExactly("case.updated", "action.updated");

            // the first EU case becomes RESTRICTED: a withdrawal, with no content, and nothing of it afterwards
            long version = cases.get(first).path("version").asLong();
            as(DAKAR).header("If-Match", "\"" + version + "\"").body(with(bodies.get(first), "handling", "RESTRICTED"))
                    .put("/cases/" + first).then().statusCode(200);
            String afterward = logAction(first, bodies.get(first));
            eu.until(records -> types(records, first).contains(PartnerEvents.WITHDRAWN));
            JsonNode withdrawal = last(eu.records, first, Set.of(PartnerEvents.WITHDRAWN));
            List<String> fields = new ArrayList<>();
            withdrawal.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactlyInAnyOrder("caseId", "withdrawnAt", "reason");
            assertThat(withdrawal.path("caseId").asText()).isEqualTo(first);
            assertThat(withdrawal.path("reason").asText()).isEqualTo("HANDLING_RESTRICTED");
            String restrictedAt = as(ANALYST).get("/cases/" + first).then().statusCode(200).extract().path("updatedAt");
            assertThat(Instant.parse(withdrawal.path("withdrawnAt").asText())).isEqualTo(Instant.parse(restrictedAt));

            // the action logged after the withdrawal was fed (its event is processed) and went to no topic
            String loggedEvent = CooperationTopic.read(Set.of(first), 5, Duration.ofSeconds(60)).stream()
                    .map(CooperationTopic::parse).filter(e -> e.getSubject().equals(afterward)).findFirst()
                    .orElseThrow().getId();
            await().atMost(Duration.ofSeconds(60)).until(() -> Database.count(dataSource,
                    "SELECT count(*) FROM processed_event WHERE event_id = ?", loggedEvent) == 1);
            assertThat(Database.count(dataSource, "SELECT count(*) FROM outbox_event WHERE topic LIKE 'dcis.partner.%'"
                    + " AND event_key = ? AND payload LIKE ?", first, "%" + afterward + "%")).isZero();
            eu.drain();
            assertThat(types(eu.records, first)).containsExactly("case.opened", "action.logged",
                    "action.status-changed", PartnerEvents.WITHDRAWN);
            assertThat(un.records.stream().map(ConsumerRecord::key)).doesNotContain(first);
        }
    }

    @Test
    void aCooperationEventConsumedTwiceOrAnOlderStateMakesNoSecondPartnerEvent() throws Exception {
        Directory.standardPosts();
        String id = open(new LinkedHashMap<>(), multilateral("Feeds redelivery " + UUID.randomUUID(), "UN",
                "UNODC-CRIMJUST", "SN", "INTERNAL", List.of("UN")));
        var opened = CooperationTopic.read(Set.of(id), 1, Duration.ofSeconds(60)).get(0);
        await().atMost(Duration.ofSeconds(60)).until(() -> partnerRows(id) == 1);

        // the very record again (a redelivery after a crash before the commit of its offset), twice, and the same
        // state under another event id (a replay of an older event: not newer than what was fed), in one batch
        CloudEvent original = CooperationTopic.parse(opened);
        byte[] replay = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE)
                .serialize(CloudEventBuilder.v1(original).withId(UUID.randomUUID().toString()).build());
        consumer.onCooperationEvent(Batches.of(opened, opened, new ConsumerRecord<>(opened.topic(), opened.partition(),
                opened.offset(), id, replay))).toCompletableFuture().get(60, TimeUnit.SECONDS);

        assertThat(partnerRows(id)).isEqualTo(1);
        try (Feed un = new Feed(UN_TOPIC)) {
            un.until(records -> records.stream().anyMatch(r -> r.key().equals(id)));
            un.drain();
            assertThat(types(un.records, id)).containsExactly("case.opened");
        }
    }

    @Test
    void aBatchTellsThePartnersWhatItsEventsTellOneAtATime() throws Exception {
        Directory.standardPosts();
        Map<String, Map<String, Object>> bodies = new LinkedHashMap<>();
        String id = open(bodies, multilateral("Feeds batch " + UUID.randomUUID(), "EU", "EUCAP-SAHEL-MALI", "ML",
                "INTERNAL", List.of()));
        logAction(id, bodies.get(id));
        Map<String, Object> released = with(bodies.get(id), "releasableTo", List.of("EU"));
        as(DAKAR).header("If-Match", "\"" + version("/cases/" + id) + "\"").body(released).put("/cases/" + id)
                .then().statusCode(200);
        logAction(id, bodies.get(id));
        as(DAKAR).header("If-Match", "\"" + version("/cases/" + id) + "\"").body(with(released, "handling",
                "RESTRICTED")).put("/cases/" + id).then().statusCode(200);
        List<ConsumerRecord<String, byte[]>> events = CooperationTopic.read(Set.of(id), 5, Duration.ofSeconds(60));
        assertThat(events).hasSize(5);
        List<String> ids = events.stream().map(e -> CooperationTopic.parse(e).getId()).toList();
        await().atMost(Duration.ofSeconds(60)).until(() -> Database.count(dataSource,
                "SELECT count(*) FROM processed_event WHERE event_id IN (?, ?, ?, ?, ?)", ids.toArray()) == 5);

        // from a feed state that never saw the case: the five events under new ids, one batch each, then in one
        List<String> oneByOne = refeed(id, events, false);
        List<String> together = refeed(id, events, true);
        assertThat(together).isEqualTo(oneByOne);
        assertThat(together.get(0)).startsWith("case.updated ");
        assertThat(together.get(together.size() - 1)).startsWith(PartnerEvents.WITHDRAWN + " ");
        assertThat(together.stream().filter(e -> e.startsWith("action."))).hasSize(3);
    }

    /** The partner events (type and data) the case's events, fed again under new ids, write, in order. */
    private List<String> refeed(String caseId, List<ConsumerRecord<String, byte[]>> events, boolean oneBatch)
            throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM partner_feed_case WHERE case_id = '" + caseId + "'");
            statement.executeUpdate("DELETE FROM outbox_event WHERE topic LIKE 'dcis.partner.%' AND event_key = '"
                    + caseId + "'");
        }
        List<ConsumerRecord<String, byte[]>> renamed = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> event : events) {
            byte[] value = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE).serialize(
                    CloudEventBuilder.v1(CooperationTopic.parse(event)).withId(UUID.randomUUID().toString()).build());
            renamed.add(new ConsumerRecord<>(event.topic(), event.partition(), event.offset(), caseId, value));
        }
        if (oneBatch) {
            consumer.onCooperationEvent(Batches.of(renamed.toArray(ConsumerRecord[]::new))).toCompletableFuture()
                    .get(60, TimeUnit.SECONDS);
        } else {
            for (ConsumerRecord<String, byte[]> record : renamed) {
                consumer.onCooperationEvent(Batches.of(record)).toCompletableFuture().get(60, TimeUnit.SECONDS);
            }
        }
        List<String> told = new ArrayList<>();
        for (String payload : Database.strings(dataSource, "SELECT payload FROM outbox_event WHERE topic LIKE"
                + " 'dcis.partner.%' AND event_key = ? ORDER BY id", caseId)) {
            CloudEvent event = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE)
                    .deserialize(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            told.add(event.getType() + " " + data(event));
        }
        return told;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private long partnerRows(String caseId) {
        return Database.count(dataSource, "SELECT count(*) FROM outbox_event WHERE topic LIKE 'dcis.partner.%'"
                + " AND event_key = ?", caseId);
    }

    private static Map<String, Object> multilateral(String title, String organisation, String mission, String country,
            String handling, List<String> releasableTo) {
        Map<String, Object> body = bilateral(title, "SN-DAKAR", null);
        body.remove("partnerCountry");
        body.put("framework", "MULTILATERAL");
        body.put("organisation", organisation);
        body.put("mission", mission);
        body.put("countries", List.of(country));
        body.put("handling", handling);
        body.put("releasableTo", releasableTo);
        return body;
    }

    private static String open(Map<String, Map<String, Object>> bodies, Map<String, Object> body) {
        String id = as(DAKAR).body(body).post("/cases").then().statusCode(201).extract().path("id");
        bodies.put(id, body);
        return id;
    }

    private static String logAction(String caseId, Map<String, Object> caseBody) {
        @SuppressWarnings("unchecked")
        String country = ((List<String>) caseBody.get("countries")).stream().findFirst()
                .orElse((String) caseBody.get("partnerCountry"));
        Map<String, Object> body = with(action("Feeds action " + UUID.randomUUID()), "place",
                Map.of("country", country, "city", "Capital"));
        return as(DAKAR).body(body).post("/cases/" + caseId + "/actions").then().statusCode(201).extract().path("id");
    }

    private static long version(String path) {
        return as(ANALYST).get(path).then().statusCode(200).extract().jsonPath().getLong("version");
    }

    /** The rule of issue 13, written here again: multilateral, the organisation's, INTERNAL, releasable to it. */
    private static Set<String> releasedTo(Map<String, JsonNode> cases, String organisation) {
        Set<String> released = new HashSet<>();
        cases.forEach((id, c) -> {
            List<String> releasable = new ArrayList<>();
            c.path("releasableTo").forEach(o -> releasable.add(o.asText()));
            if (c.path("framework").asText().equals("MULTILATERAL")
                    && c.path("organisation").asText().equals(organisation)
                    && c.path("handling").asText().equals("INTERNAL") && releasable.contains(organisation)) {
                released.add(id);
            }
        });
        return released;
    }

    private boolean hasVersion(List<ConsumerRecord<String, byte[]>> records, String key, String typePrefix,
            long version) {
        return records.stream().filter(r -> r.key().equals(key)).map(PartnerFeedsTest::parse)
                .filter(e -> e.getType().startsWith(typePrefix))
                .anyMatch(e -> data(e).path("version").asLong() == version);
    }

    private JsonNode last(List<ConsumerRecord<String, byte[]>> records, String key, Set<String> types) {
        List<CloudEvent> events = records.stream().filter(r -> r.key().equals(key)).map(PartnerFeedsTest::parse)
                .filter(e -> types.contains(e.getType())).toList();
        assertThat(events).as("%s events of %s", types, key).isNotEmpty();
        return data(events.get(events.size() - 1));
    }

    /** The view as JSON read back, as the event's data is (1 is an int node on both sides, not a long one). */
    private JsonNode asOnTheWire(Object view) throws Exception {
        return json.readTree(json.writeValueAsBytes(view));
    }

    private JsonNode data(CloudEvent event) {
        try {
            return json.readTree(event.getData().toBytes());
        } catch (java.io.IOException e) {
            throw new AssertionError("partner event data is no JSON", e);
        }
    }

    private static List<String> types(List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().filter(r -> r.key().equals(key)).map(r -> parse(r).getType()).toList();
    }

    private static CloudEvent parse(ConsumerRecord<String, byte[]> record) {
        return EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE).deserialize(record.value());
    }

    /** One partner topic read from the beginning with a plain consumer of a group of its own. */
    private static final class Feed implements AutoCloseable {
        final String topic;
        final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        private final KafkaConsumer<String, byte[]> kafka;

        Feed(String topic) {
            this.topic = topic;
            kafka = new KafkaConsumer<>(Map.<String, Object>of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedServers.kafka().bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "test-partner-reader-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                    new ByteArrayDeserializer());
            kafka.subscribe(List.of(topic));
        }

        void until(Predicate<List<ConsumerRecord<String, byte[]>>> done) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(10)).until(() -> {
                kafka.poll(Duration.ofMillis(500)).forEach(records::add);
                return done.test(records);
            });
        }

        /** Whatever else is already there (a duplicate or a stray event would show up here). */
        void drain() {
            kafka.poll(Duration.ofSeconds(2)).forEach(records::add);
        }

        @Override
        public void close() {
            kafka.close();
        }
    }
}
