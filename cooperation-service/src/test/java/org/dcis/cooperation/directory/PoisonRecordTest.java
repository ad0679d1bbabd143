package org.dcis.cooperation.directory;

import org.dcis.devstack.testing.ManagementInterface;
import org.dcis.devstack.testing.Metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dcis.cooperation.support.Api.ANALYST;
import static org.dcis.cooperation.support.Api.as;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.dcis.cooperation.support.Database;
import org.dcis.cooperation.support.Directory;
import org.dcis.cooperation.support.PostEvents;
import org.dcis.devstack.testing.SharedServers;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The post consumer never stops on one record (issue 14): records that can never be applied (a post id longer
 * than any the registry accepts, a record that is no CloudEvent, a value the database refuses, an event type it
 * does not know) go to the dead-letter topic with their reason in headers, are counted and shown in readiness,
 * and the records around them, on the same partition, are applied.
 */
@QuarkusTest
class PoisonRecordTest {
    static final String DEAD_LETTERS = "dcis.cooperation.dead-letter.v1";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndTheConsumerGoesOn() throws Exception {
        Directory.standardPosts();
        String post = "TG-LOME";
        double deadBefore = deadLetterMetric();

        String good1 = UUID.randomUUID().toString();
        long first = PostEvents.nextVersion();
        PostEvents.publish("post.opened", good1, PostEvents.snapshot(post, "TG", "Lomé", "OPEN", List.of("TG"), first));

        // every poison record is keyed by the same post id: one partition, in order between the good ones
        Map<String, byte[]> poison = new LinkedHashMap<>();
        poison.put("shape", PostEvents.event("post.updated", UUID.randomUUID().toString(),
                PostEvents.snapshot("TG-" + "X".repeat(57), "TG", "Lomé", "OPEN", List.of("TG"), PostEvents.nextVersion())));
        poison.put("parse", "{not a cloud event".getBytes(StandardCharsets.UTF_8));
        // a version above any other of the post: it stays the newest snapshot, so it is refused again on every replay
        poison.put("data", PostEvents.event("post.updated", UUID.randomUUID().toString(),
                PostEvents.snapshot(post, "TG", "Lomé", "OPEN", List.of("TG", "TGO"), 1_000_000_000L)));
        poison.put("shape-type", PostEvents.event("post.exploded", UUID.randomUUID().toString(),
                PostEvents.snapshot(post, "TG", "Lomé", "OPEN", List.of("TG"), PostEvents.nextVersion())));
        for (byte[] value : poison.values()) {
            PostEvents.send(post, value);
        }

        String good2 = UUID.randomUUID().toString();
        long second = PostEvents.nextVersion();
        PostEvents.publish("post.updated", good2, PostEvents.snapshot(post, "TG", "Lomé", "OPEN", List.of("BJ", "TG"), second));

        Directory.awaitVersion(post, second);
        assertThat(Database.count(dataSource, "SELECT count(*) FROM processed_event WHERE event_id IN (?, ?)", good1, good2))
                .as("both good events applied").isEqualTo(2);
        as(ANALYST).get("/directory/posts/" + post).then().statusCode(200)
                .body("coverage", org.hamcrest.Matchers.contains("BJ", "TG"));
        assertThat(Database.count(dataSource, "SELECT count(*) FROM directory_post WHERE id LIKE 'TG-XXX%'")).isZero();

        // each poison record is on the dead-letter topic, as it was, with where it came from and why
        Map<String, ConsumerRecord<String, byte[]>> dead = deadLetters(poison);
        assertThat(dead).containsOnlyKeys(poison.keySet());
        for (Map.Entry<String, ConsumerRecord<String, byte[]>> letter : dead.entrySet()) {
            ConsumerRecord<String, byte[]> record = letter.getValue();
            assertThat(record.key()).isEqualTo(post);
            assertThat(header(record, "dead-letter-topic")).isEqualTo(PostEvents.TOPIC);
            assertThat(header(record, "dead-letter-offset")).isNotBlank();
            assertThat(header(record, "dead-letter-reason")).as(letter.getKey()).isNotBlank();
            assertThat(header(record, "dcis-dead-letter-kind")).as(letter.getKey())
                    .isEqualTo(letter.getKey().replace("-type", ""));
        }
        assertThat(header(dead.get("shape"), "dead-letter-reason")).contains("post id");
        assertThat(header(dead.get("shape-type"), "dead-letter-reason")).contains("post.exploded");
        assertThat(header(dead.get("data"), "dead-letter-reason")).contains("22001");

        // counted, and shown in readiness, which stays UP
        assertThat(deadLetterMetric()).isGreaterThanOrEqualTo(deadBefore + 4);
        JsonPath health = ManagementInterface.given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(health.getList("checks.findAll { it.name == 'Event consumers' }.data.'posts.deadLetters'", Integer.class))
                .singleElement().satisfies(count -> assertThat(count).isGreaterThanOrEqualTo(4));
        assertThat(health.getList("checks.findAll { it.name == 'Event consumers' }.status", String.class))
                .containsExactly("UP");

        // and the consumer keeps consuming
        long third = PostEvents.publish("post.suspended", post, "TG", "Lomé", "SUSPENDED", List.of("BJ", "TG"));
        Directory.awaitVersion(post, third);
        as(ANALYST).get("/directory/posts/" + post).then().body("status", org.hamcrest.Matchers.is("SUSPENDED"));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The dead letters whose value is one of the poison records, by the poison's name. */
    private static Map<String, ConsumerRecord<String, byte[]>> deadLetters(Map<String, byte[]> poison) {
        Map<String, ConsumerRecord<String, byte[]>> found = new LinkedHashMap<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedServers.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-dead-letters-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(DEAD_LETTERS));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    poison.forEach((name, value) -> {
                        if (Arrays.equals(value, record.value())) {
                            found.put(name, record);
                        }
                    });
                }
                return found.size() == poison.size();
            });
        }
        return found;
    }

    private static double deadLetterMetric() {
        String scrape = ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract().asString();
        return Metrics.find(scrape, "dcis_consumer_dead_letters_total", "channel", "posts").orElse(0);
    }
}
