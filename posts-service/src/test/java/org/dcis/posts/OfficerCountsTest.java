package org.dcis.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dcis.posts.support.Api.asAdmin;
import static org.dcis.posts.support.Api.etag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dcis.platform.outbox.OutboxRelay;
import org.dcis.posts.support.Api;
import org.dcis.posts.support.Outboxes;
import org.dcis.posts.support.TopicReader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.core.provider.EventFormatProvider;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A post's snapshot counts its officers by force and by role (for the network coverage of the headquarters
 * dashboard, which reads dcis.posts.v1 and never calls the registry per post): the API and the events say the same,
 * and the events still carry no name.
 */
@QuarkusTest
class OfficerCountsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    OutboxRelay relay;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> officer(String id, String force, String role) {
        Map<String, Object> body = new HashMap<>(Api.assignment(id, "FM-PALIKIR", role, "2024-09-01"));
        Map<String, Object> who = new HashMap<>((Map<String, Object>) body.get("officer"));
        who.put("force", force);
        body.put("officer", who);
        return body;
    }

    @Test
    void snapshotsCountOfficersByForceAndRoleWithoutNames() throws Exception {
        asAdmin().body(Api.post("FM-PALIKIR", "FM", "Palikir", "2012-09-01", List.of())).post("/posts").then()
                .statusCode(201);
        asAdmin().body(officer("PN-931001", "POLICE_NATIONALE", "HEAD_OF_SERVICE")).post("/assignments").then().statusCode(201);
        asAdmin().body(officer("GN-931002", "GENDARMERIE_NATIONALE", "LIAISON_OFFICER")).post("/assignments").then()
                .statusCode(201);
        String ended = asAdmin().body(officer("PN-931003", "POLICE_NATIONALE", "LIAISON_OFFICER")).post("/assignments")
                .then().statusCode(201).extract().path("id");
        asAdmin().body(officer("PN-931004", "POLICE_NATIONALE", "TECHNICAL_EXPERT")).post("/assignments").then()
                .statusCode(201);
        asAdmin().header("If-Match", etag(1)).body(Map.of()).post("/assignments/" + ended + "/end").then().statusCode(200);

        Map<String, Object> forces = Map.of("POLICE_NATIONALE", 2, "GENDARMERIE_NATIONALE", 1);
        Map<String, Object> roles = Map.of("HEAD_OF_SERVICE", 1, "LIAISON_OFFICER", 1, "TECHNICAL_EXPERT", 1);
        var post = Api.as(Api.ANALYST).get("/posts/FM-PALIKIR").then().statusCode(200).extract().jsonPath();
        assertThat(post.getLong("officerCount")).isEqualTo(3);
        assertThat(post.getMap("officersByForce")).isEqualTo(forces);
        assertThat(post.getMap("officersByRole")).isEqualTo(roles);

        Outboxes.awaitDrained(relay);
        JsonNode last = null;
        for (ConsumerRecord<String, byte[]> record : TopicReader.readAll(bootstrapServers, "dcis.posts.v1")) {
            if (record.key().equals("FM-PALIKIR")) {
                JsonNode snapshot = JSON.readTree(EventFormatProvider.getInstance()
                        .resolveFormat("application/cloudevents+json").deserialize(record.value()).getData().toBytes());
                if (last == null || snapshot.path("version").asLong() > last.path("version").asLong()) {
                    last = snapshot;
                }
                assertThat(snapshot.toString()).doesNotContain("Anne", "Testeur", "PN-93100", "GN-93100");
            }
        }
        assertThat(last).isNotNull();
        assertThat(last.path("officerCount").asLong()).isEqualTo(3);
        assertThat(JSON.convertValue(last.path("officersByForce"), Map.class)).isEqualTo(forces);
        assertThat(JSON.convertValue(last.path("officersByRole"), Map.class)).isEqualTo(roles);
    }
}
