package org.dcis.cooperation.event;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dcis.cooperation.support.Api.DAKAR;
import static org.dcis.cooperation.support.Api.as;
import static org.dcis.cooperation.support.Cases.action;
import static org.dcis.cooperation.support.Cases.bilateral;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dcis.cooperation.support.CooperationTopic;
import org.dcis.cooperation.support.Directory;
import org.dcis.cooperation.support.PostEvents;
import org.dcis.devstack.testing.SharedServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** With the broker down the API keeps answering; the outbox keeps every change and delivers it afterwards. */
@QuarkusTest
class BrokerOutageTest {
    @AfterEach
    void brokerBack() {
        SharedServers.kafka().start();
    }

    @Test
    void writesDuringABrokerOutageAreAllDeliveredAfterTheRestart() {
        Directory.standardPosts();
        String tag = UUID.randomUUID().toString().substring(0, 8);

        SharedServers.kafka().stop();
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = as(DAKAR).body(bilateral("Outage " + i + " " + tag, "SN-DAKAR", "SN")).post("/cases")
                    .then().statusCode(201).extract().path("id");
            as(DAKAR).body(action("Outage action " + i)).post("/cases/" + id + "/actions").then().statusCode(201);
            cases.add(id);
        }
        as(DAKAR).queryParam("text", tag).get("/cases").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.is(5));
        // the relay reports what waits in the outbox, and its failing rounds (it retries with backoff)
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            JsonPath health = given().get("/q/health/ready").then().extract().jsonPath();
            assertThat(health.getList("checks.findAll { it.name == 'Outbox relay' }.data.unsent", Integer.class))
                    .singleElement().satisfies(unsent -> assertThat(unsent).isGreaterThanOrEqualTo(10));
            assertThat(health.getList("checks.findAll { it.name == 'Outbox relay' }.data.lastError", String.class))
                    .singleElement().asString().isNotBlank();
        });
        assertThat(given().get("/q/metrics").then().extract().asString()).contains("dcis_outbox_unsent");

        SharedServers.kafka().start();

        List<ConsumerRecord<String, byte[]>> records = CooperationTopic.read(cases, 10, Duration.ofSeconds(180));
        assertThat(records).hasSize(10);
        Set<String> ids = new HashSet<>();
        records.forEach(r -> assertThat(ids.add(CooperationTopic.parse(r).getId())).isTrue());
        for (String id : cases) {
            assertThat(records.stream().filter(r -> r.key().equals(id)).map(r -> CooperationTopic.parse(r).getType()))
                    .containsExactly("case.opened", "action.logged");
        }

        // the post consumer came back too: a new post event is applied
        long version = PostEvents.publish("post.updated", "CO-BOGOTA", "CO", "Bogotá", "OPEN", List.of("CO", "EC"));
        Directory.awaitVersion("CO-BOGOTA", version);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }
}
