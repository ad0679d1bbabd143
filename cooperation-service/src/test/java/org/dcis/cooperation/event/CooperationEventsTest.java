package org.dcis.cooperation.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dcis.cooperation.support.Api.DAKAR;
import static org.dcis.cooperation.support.Api.as;
import static org.dcis.cooperation.support.Cases.action;
import static org.dcis.cooperation.support.Cases.bilateral;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dcis.cooperation.support.CooperationTopic;
import org.dcis.cooperation.support.Directory;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.quarkus.test.junit.QuarkusTest;

/** Every change reaches dcis.cooperation.v1 once, in order per case, as a structured-mode CloudEvent. */
@QuarkusTest
class CooperationEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyChangeIsOnTheTopicOnceInOrderPerCaseAsAValidCloudEvent() throws Exception {
        Directory.standardPosts();
        String first = as(DAKAR).body(bilateral("Events A " + UUID.randomUUID(), "SN-DAKAR", "SN")).post("/cases")
                .then().statusCode(201).extract().path("id");
        String second = as(DAKAR).body(bilateral("Events B " + UUID.randomUUID(), "SN-DAKAR", "CV")).post("/cases")
                .then().statusCode(201).extract().path("id");
        // interleave the two cases' changes
        String actionId = as(DAKAR).body(action("Events action")).post("/cases/" + first + "/actions").then()
                .statusCode(201).extract().path("id");
        as(DAKAR).header("If-Match", "\"1\"").body(bilateral("Events B, revised", "SN-DAKAR", "CV"))
                .put("/cases/" + second).then().statusCode(200);
        as(DAKAR).header("If-Match", "\"1\"").body(Map.of("status", "IN_PROGRESS")).post("/actions/" + actionId + "/status")
                .then().statusCode(200);
        as(DAKAR).header("If-Match", "\"2\"").body(action("Events action, revised")).put("/actions/" + actionId)
                .then().statusCode(200);
        as(DAKAR).header("If-Match", "\"2\"").body(Map.of()).post("/cases/" + second + "/close").then().statusCode(200);
        as(DAKAR).header("If-Match", "\"3\"").body(Map.of("status", "COMPLETED")).post("/actions/" + actionId + "/status")
                .then().statusCode(200);
        // refused changes announce nothing
        as(DAKAR).header("If-Match", "\"4\"").body(Map.of("status", "IN_PROGRESS")).post("/actions/" + actionId + "/status")
                .then().statusCode(422);

        List<ConsumerRecord<String, byte[]>> records = CooperationTopic.read(Set.of(first, second), 8, Duration.ofSeconds(60));

        assertThat(records).hasSize(8);
        Set<String> ids = new HashSet<>();
        for (var record : records) {
            assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("application/cloudevents+json");
            JsonNode raw = JSON.readTree(record.value());
            assertThat(raw.path("specversion").asText()).isEqualTo("1.0");
            assertThat(raw.path("data").isObject()).as("structured mode carries data as JSON").isTrue();
            CloudEvent event = CooperationTopic.parse(record);
            assertThat(event.getSource()).isEqualTo(URI.create("/dcis/cooperation-service"));
            assertThat(event.getDataContentType()).isEqualTo("application/json");
            assertThat(event.getTime()).isNotNull();
            assertThat(event.getSubject()).isNotBlank();
            assertThat(ids.add(event.getId())).as("event id %s only once", event.getId()).isTrue();
        }
        assertThat(types(records, first)).containsExactly("case.opened", "action.logged", "action.status-changed",
                "action.updated", "action.status-changed");
        assertThat(types(records, second)).containsExactly("case.opened", "case.updated", "case.closed");

        JsonNode completed = data(records, first, 4);
        assertThat(completed.path("previousStatus").asText()).isEqualTo("IN_PROGRESS");
        assertThat(completed.path("action").path("status").asText()).isEqualTo("COMPLETED");
        assertThat(completed.path("action").path("caseId").asText()).isEqualTo(first);
        JsonNode closed = data(records, second, 2);
        assertThat(closed.path("id").asText()).isEqualTo(second);
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("version").asLong()).isEqualTo(3);
        assertThat(closed.path("leadPost").asText()).isEqualTo("SN-DAKAR");
    }

    private static List<String> types(List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().filter(r -> r.key().equals(key)).map(r -> CooperationTopic.parse(r).getType()).toList();
    }

    private static JsonNode data(List<ConsumerRecord<String, byte[]>> records, String key, int index) throws Exception {
        var record = records.stream().filter(r -> r.key().equals(key)).toList().get(index);
        return JSON.readTree(CooperationTopic.parse(record).getData().toBytes());
    }
}
