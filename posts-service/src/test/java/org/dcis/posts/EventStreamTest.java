package org.dcis.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dcis.posts.support.Api.asAdmin;
import static org.dcis.posts.support.Api.etag;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.dcis.platform.outbox.OutboxRelay;
import org.dcis.posts.support.Api;
import org.dcis.posts.support.Outboxes;
import org.dcis.posts.support.TopicReader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.quarkus.test.junit.QuarkusTest;

/** A consumer starting at offset 0 of dcis.posts.v1 rebuilds the directory the API shows. */
@QuarkusTest
class EventStreamTest {
    private static final Set<String> TYPES = Set.of("post.opened", "post.updated", "post.suspended", "post.closed",
            "post.coverage-changed", "officer.assigned", "officer.assignment-ended");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    OutboxRelay relay;

    @Test
    void theTopicRebuildsTheDirectoryAndEveryRecordIsACloudEvent() throws Exception {
        asAdmin().body(Api.post("GR-ATHENES", "GR", "Athènes", "2006-09-01", List.of("CY"))).post("/posts").then().statusCode(201);
        asAdmin().header("If-Match", etag(1)).body(Map.of("countries", List.of("GR", "CY", "AL"), "effectiveOn", "2021-09-01"))
                .put("/posts/GR-ATHENES/coverage").then().statusCode(200);
        String assignment = asAdmin().body(Api.assignment("PN-900001", "GR-ATHENES", "HEAD_OF_SERVICE", "2023-09-01"))
                .post("/assignments").then().statusCode(201).extract().path("id");
        asAdmin().body(Api.assignment("GN-900002", "GR-ATHENES", "DEPUTY", "2023-09-01")).post("/assignments").then().statusCode(201);
        asAdmin().header("If-Match", etag(1)).body(Map.of()).post("/assignments/" + assignment + "/end").then().statusCode(200);
        asAdmin().header("If-Match", etag(5)).body(Map.of("status", "SUSPENDED")).put("/posts/GR-ATHENES/status").then().statusCode(200);

        Outboxes.awaitDrained(relay);
        List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(bootstrapServers, "dcis.posts.v1");

        EventFormat format = EventFormatProvider.getInstance().resolveFormat("application/cloudevents+json");
        Map<String, JsonNode> directory = new HashMap<>();
        Set<String> eventIds = new HashSet<>();
        List<String> athensTypes = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("application/cloudevents+json");
            CloudEvent event = format.deserialize(record.value());
            assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
            assertThat(event.getSource().toString()).isEqualTo("/dcis/posts-service");
            assertThat(event.getType()).isIn(TYPES);
            assertThat(event.getSubject()).isEqualTo(record.key());
            assertThat(event.getTime()).isNotNull();
            assertThat(event.getDataContentType()).isEqualTo("application/json");
            assertThat(eventIds.add(event.getId())).as("event id %s seen once", event.getId()).isTrue();
            JsonNode snapshot = JSON.readTree(event.getData().toBytes());
            assertThat(snapshot.path("id").asText()).isEqualTo(record.key());
            assertThat(snapshot.has("officers") || snapshot.toString().contains("givenName")).isFalse();
            JsonNode known = directory.get(record.key());
            if (known == null || known.path("version").asLong() < snapshot.path("version").asLong()) {
                directory.put(record.key(), snapshot);
            }
            if (record.key().equals("GR-ATHENES")) {
                athensTypes.add(event.getType());
            }
        }
        assertThat(athensTypes).containsExactly("post.opened", "post.coverage-changed", "officer.assigned",
                "officer.assigned", "officer.assignment-ended", "post.suspended");

        List<Map<String, Object>> api = new ArrayList<>();
        int page = 0;
        long total;
        do {
            var body = Api.as(Api.ANALYST).queryParam("page", page).queryParam("size", 200).get("/posts").then()
                    .statusCode(200).extract().jsonPath();
            api.addAll(body.getList("items"));
            total = body.getLong("total");
            page++;
        } while (api.size() < total);

        assertThat(directory.keySet()).containsExactlyInAnyOrderElementsOf(api.stream().map(p -> (String) p.get("id")).toList());
        for (Map<String, Object> post : api) {
            JsonNode rebuilt = directory.get((String) post.get("id"));
            Map<String, Object> expected = new HashMap<>(post);
            expected.remove("contact");
            Map<String, Object> actual = JSON.convertValue(rebuilt, Map.class);
            assertThat(actual).as("snapshot of %s", post.get("id")).isEqualTo(expected);
        }
        assertThat(directory.get("GR-ATHENES").path("officerCount").asInt()).isEqualTo(1);
        assertThat(directory.get("GR-ATHENES").path("coverage").toString()).isEqualTo("[\"AL\",\"CY\",\"GR\"]");
    }

    @Test
    void theTopicIsCompacted() throws Exception {
        Outboxes.awaitDrained(relay);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "dcis.posts.v1");
            Config config = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }
}
