package org.dcis.posts;

import org.dcis.devstack.testing.ManagementInterface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dcis.posts.support.Api.asAdmin;
import static org.dcis.posts.support.Api.etag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dcis.devstack.testing.SharedServers;
import org.dcis.platform.outbox.OutboxRelay;
import org.dcis.posts.support.Api;
import org.dcis.posts.support.Outboxes;
import org.dcis.posts.support.TopicReader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * While the broker is away the API keeps working, readiness stays UP (the broker's absence reported as details,
 * issue 14) and events wait in the outbox; once it is back every event is delivered exactly once, in order for
 * each post.
 */
@QuarkusTest
class BrokerOutageTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    OutboxRelay relay;

    @Test
    void eventsWaitInTheOutboxDuringAnOutageThenGoOutOnceAndInOrder() throws Exception {
        Outboxes.awaitDrained(relay);
        SharedServers.kafka().stop();
        try {
            asAdmin().body(Api.post("RO-BUCAREST", "RO", "Bucarest", "2007-09-01", List.of("MD"))).post("/posts")
                    .then().statusCode(201);
            asAdmin().header("If-Match", etag(1)).body(Map.of("city", "Bucarest", "embassy", "Ambassade de France en Roumanie"))
                    .put("/posts/RO-BUCAREST").then().statusCode(200);
            asAdmin().header("If-Match", etag(2)).body(Map.of("countries", List.of("RO"), "effectiveOn", "2022-01-01"))
                    .put("/posts/RO-BUCAREST/coverage").then().statusCode(200);
            asAdmin().body(Api.post("MD-CHISINAU", "MD", "Chisinau", "2022-01-01", List.of())).post("/posts")
                    .then().statusCode(201);
            asAdmin().body(Api.assignment("PN-910001", "RO-BUCAREST", "LIAISON_OFFICER", "2024-09-01")).post("/assignments")
                    .then().statusCode(201);
            asAdmin().header("If-Match", etag(1)).body(Map.of("status", "SUSPENDED")).put("/posts/MD-CHISINAU/status")
                    .then().statusCode(200);

            assertThat(Outboxes.unsent(relay)).isGreaterThanOrEqualTo(6);
            var health = ManagementInterface.given().get("/q/health/ready").then().extract().jsonPath();
            assertThat(health.getInt("checks.find { it.name == 'Outbox relay' }.data.unsent")).isGreaterThanOrEqualTo(6);
            // writes wait in the outbox: the relay's own check stays UP, however far behind Kafka it is
            assertThat(health.getString("checks.find { it.name == 'Outbox relay' }.status")).isEqualTo("UP");
            String metrics = ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).containsPattern("dcis_outbox_unsent(\\{[^}]*\\})? (6|7|8|9|[1-9][0-9]+)(\\.0)?");

            // the service stays in the load balancer: readiness UP, the broker's absence reported as details
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(ManagementInterface.given().get("/q/health/ready")
                    .then().extract().jsonPath().getList("checks.findAll { it.name == 'Kafka broker' }.data.reachable",
                            String.class)).containsExactly("false"));
            JsonPath ready = ManagementInterface.given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
            assertThat(ready.getString("status")).isEqualTo("UP");
            assertThat(ready.getList("checks.status", String.class)).as(ready.prettify()).containsOnly("UP");
            assertThat(ready.getList("checks.findAll { it.name == 'Kafka broker' }.data.degraded", Boolean.class))
                    .containsExactly(true);
            assertThat(ready.getList("checks.findAll { it.name == 'Kafka broker' }.data.lastError", String.class))
                    .singleElement().asString().isNotBlank();
            // liveness is about this process, which is fine
            ManagementInterface.given().get("/q/health/live").then().statusCode(200);
            // and the API keeps answering writes
            asAdmin().header("If-Match", etag(2)).body(Map.of("status", "OPEN")).put("/posts/MD-CHISINAU/status")
                    .then().statusCode(200);
        } finally {
            SharedServers.kafka().start();
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> Outboxes.unsent(relay) == 0);

        EventFormat format = EventFormatProvider.getInstance().resolveFormat("application/cloudevents+json");
        Map<String, List<Long>> versions = new LinkedHashMap<>();
        Map<String, List<String>> types = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : TopicReader.readAll(bootstrapServers, "dcis.posts.v1")) {
            if (!record.key().equals("RO-BUCAREST") && !record.key().equals("MD-CHISINAU")) {
                continue;
            }
            CloudEvent event = format.deserialize(record.value());
            assertThat(ids.add(event.getId())).as("event %s delivered once", event.getId()).isTrue();
            JsonNode snapshot = JSON.readTree(event.getData().toBytes());
            versions.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(snapshot.path("version").asLong());
            types.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(event.getType());
        }
        assertThat(versions.get("RO-BUCAREST")).containsExactly(1L, 2L, 3L, 4L);
        assertThat(types.get("RO-BUCAREST")).containsExactly("post.opened", "post.updated", "post.coverage-changed",
                "officer.assigned");
        assertThat(versions.get("MD-CHISINAU")).containsExactly(1L, 2L, 3L);
        assertThat(types.get("MD-CHISINAU")).containsExactly("post.opened", "post.suspended", "post.updated");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath health = ManagementInterface.given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
            assertThat(health.getList("checks.findAll { it.name == 'Kafka broker' }.data.reachable", String.class))
                    .containsExactly("true");
        });
    }
}
