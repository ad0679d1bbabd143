package org.dcis.cooperation.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dcis.cooperation.support.Api.ANALYST;
import static org.dcis.cooperation.support.Api.RABAT;
import static org.dcis.cooperation.support.Api.as;
import static org.dcis.cooperation.support.Cases.bilateral;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.dcis.cooperation.support.Database;
import org.dcis.cooperation.support.Directory;
import org.dcis.cooperation.support.PostEvents;
import org.dcis.devstack.testing.ManagementInterface;
import org.dcis.devstack.testing.Metrics;
import org.dcis.devstack.testing.SharedServers;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** The local post directory is fed by dcis.posts.v1 only, and applying its events is idempotent. */
@QuarkusTest
class PostDirectoryTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aPostOpenedOnTheTopicBecomesUsableOnceItsEventArrives() {
        String title = "Rabat case " + UUID.randomUUID();
        // nothing has announced MA-RABAT yet: the service knows no such post and asks nobody
        as(RABAT).body(bilateral(title, "MA-RABAT", "MA")).post("/cases").then().statusCode(422)
                .body("violations[0].field", is("leadPost")).body("detail", containsString("not known"));

        long opened = PostEvents.publish("post.opened", "MA-RABAT", "MA", "Rabat", "OPEN", List.of("MA", "MR"));
        Directory.awaitVersion("MA-RABAT", opened);
        as(RABAT).body(bilateral(title, "MA-RABAT", "MR")).post("/cases").then().statusCode(201)
                .body("leadPost", is("MA-RABAT"));
        as(RABAT).body(bilateral(title, "MA-RABAT", "DZ")).post("/cases").then().statusCode(422)
                .body("violations[0].field", is("partnerCountry"));

        long suspended = PostEvents.publish("post.suspended", "MA-RABAT", "MA", "Rabat", "SUSPENDED", List.of("MA", "MR"));
        Directory.awaitVersion("MA-RABAT", suspended);
        as(RABAT).body(bilateral(title, "MA-RABAT", "MA")).post("/cases").then().statusCode(422)
                .body("violations[0].field", is("leadPost")).body("detail", containsString("SUSPENDED"));

        long reopened = PostEvents.publish("post.updated", "MA-RABAT", "MA", "Rabat", "OPEN", List.of("MA", "MR", "DZ"));
        Directory.awaitVersion("MA-RABAT", reopened);
        as(RABAT).body(bilateral(title, "MA-RABAT", "DZ")).post("/cases").then().statusCode(201);
    }

    @Test
    void anOlderSnapshotNeverOverwritesANewerOneAndMalformedEventsAreSkipped() throws Exception {
        long newer = PostEvents.nextVersion();
        long older = newer - 50;
        PostEvents.publish("post.updated", UUID.randomUUID().toString(),
                PostEvents.snapshot("GH-ACCRA", "GH", "Accra", "OPEN", List.of("GH", "TG"), newer));
        Directory.awaitVersion("GH-ACCRA", newer);
        PostEvents.send("GH-ACCRA", "{not a cloud event".getBytes(StandardCharsets.UTF_8));
        PostEvents.publish("post.updated", UUID.randomUUID().toString(),
                PostEvents.snapshot("GH-ACCRA", "GH", "Kumasi", "CLOSED", List.of("GH"), older));
        // a later marker event on the same partition proves the two above were consumed (and ignored)
        long marker = PostEvents.nextVersion();
        PostEvents.publish("post.updated", UUID.randomUUID().toString(),
                PostEvents.snapshot("GH-ACCRA", "GH", "Accra", "OPEN", List.of("BJ", "GH", "TG"), marker));
        Directory.awaitVersion("GH-ACCRA", marker);
        as(ANALYST).get("/directory/posts/GH-ACCRA").then().body("city", is("Accra")).body("status", is("OPEN"))
                .body("coverage", org.hamcrest.Matchers.contains("BJ", "GH", "TG"));
    }

    /**
     * posts-service accepts post ids of up to 48 characters (the platform's FieldLengths.POST_ID): the directory
     * keeps such a post, and cases refer to it like to any other (issue 14: the directory stopped at 40).
     */
    @Test
    void aPostIdOfTheLongestLengthTheRegistryAcceptsIsKeptAndUsable() {
        String id = "SN-" + "LIAISON-OFFICE-OF-THE-WEST-AFRICAN-COAST-ABCD".substring(0, 45);
        assertThat(id).hasSize(48);
        long version = PostEvents.publish("post.opened", id, "SN", "Saint-Louis", "OPEN", List.of("SN", "MR"));
        Directory.awaitVersion(id, version);
        as(ANALYST).get("/directory/posts/" + id).then().statusCode(200).body("id", is(id));
        as(ANALYST).queryParam("post", id).get("/cases").then().statusCode(200);
        // a valid lead post of another post: the officer of SN-DAKAR may not write it (403), the id itself is fine
        as(org.dcis.cooperation.support.Api.DAKAR).body(bilateral("Long post " + UUID.randomUUID(), id, "MR"))
                .post("/cases").then().statusCode(403);
    }

    @Test
    void replayingTheTopicFromOffsetZeroTwiceChangesNothing() throws Exception {
        Directory.standardPosts();
        awaitConsumerCaughtUp();
        String before = directoryState();
        long processedBefore = processedPostEvents();

        List<ConsumerRecord<String, byte[]>> all = readWholeTopic();
        assertThat(all).isNotEmpty();
        for (int round = 0; round < 2; round++) {
            try (var producer = PostEvents.producer()) {
                for (var record : all) {
                    var copy = new ProducerRecord<>(PostEvents.TOPIC, record.key(), record.value());
                    record.headers().forEach(h -> copy.headers().add(h));
                    producer.send(copy);
                }
                producer.flush();
            }
        }
        awaitConsumerCaughtUp();

        assertThat(directoryState()).isEqualTo(before);
        assertThat(processedPostEvents()).isEqualTo(processedBefore);
    }

    /** The post events applied (the partner feeds record this service's own cooperation events there too). */
    private long processedPostEvents() throws SQLException {
        return count("SELECT count(*) FROM processed_event WHERE source <> '/dcis/cooperation-service'");
    }

    private static List<ConsumerRecord<String, byte[]>> readWholeTopic() {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedServers.kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(PostEvents.TOPIC).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
            return records;
        }
    }

    /** Until the service's consumer group has committed every record of the topic. */
    private static void awaitConsumerCaughtUp() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedServers.kafka().bootstrapServers()));
                var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedServers.kafka().bootstrapServers()),
                        new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(PostEvents.TOPIC).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("cooperation-service")
                        .partitionsToOffsetAndMetadata().get();
                return end.entrySet().stream().allMatch(e -> e.getValue() == 0
                        || committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue());
            });
        }
    }

    private String directoryState() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT id, host_country, city, status, coverage, version,"
                        + " last_event_id, updated_at FROM directory_post ORDER BY id")) {
            while (result.next()) {
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= 8; i++) {
                    columns.add(result.getString(i));
                }
                rows.add(columns.stream().collect(Collectors.joining("|")));
            }
        }
        assertThat(rows).isNotEmpty();
        return String.join("\n", rows);
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    @Test
    void aBurstOfEventsIsAppliedInBatchesEachEventOnce() throws Exception {
        // what one poll brings is applied in one transaction (BatchConsumer): fewer transactions than records
        double batchesBefore = batchMetric("dcis_consumer_batch_records_count");
        double recordsBefore = batchMetric("dcis_consumer_batch_records_sum");
        String post = "GA-LIBREVILLE";
        List<String> ids = new ArrayList<>();
        long last = 0;
        try (var producer = PostEvents.producer()) {
            for (int i = 0; i < 300; i++) {
                String id = UUID.randomUUID().toString();
                last = PostEvents.nextVersion();
                var record = new ProducerRecord<>(PostEvents.TOPIC, post, PostEvents.event(i == 0 ? "post.opened"
                        : "post.updated", id, PostEvents.snapshot(post, "GA", "Libreville", "OPEN", List.of("GA"), last)));
                record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
                producer.send(record);
                ids.add(id);
            }
            producer.flush();
        }
        Directory.awaitVersion(post, last);
        assertThat(Database.count(dataSource, "SELECT count(*) FROM processed_event WHERE event_id IN ("
                + ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(",")) + ")")).isEqualTo(300);
        double records = batchMetric("dcis_consumer_batch_records_sum") - recordsBefore;
        double batches = batchMetric("dcis_consumer_batch_records_count") - batchesBefore;
        assertThat(records).isGreaterThanOrEqualTo(300);
        assertThat(batches).as("transactions for %s records", records).isPositive().isLessThan(records);
    }

    private static double batchMetric(String name) {
        String scrape = ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract().asString();
        return Metrics.find(scrape, name, "channel", "posts").orElse(0);
    }
}
