package org.dcis.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Scenario 5 of issue 14 (run fourth): sixteen clients of the lead post revise the same case with {@code If-Match}, all with the
 * version they just read, released together, round after round. Each round exactly one wins, the other
 * fifteen get 412 {@code stale-version}; no update is lost: the final version is 1 + rounds, and every
 * winner's change is in the audit trail and on the topic, in the order the rounds ran.
 */
@Order(4)
@ExtendWith(FaultStackExtension.class)
class ConcurrentUpdatesIT {
    private static final int CLIENTS = 16;
    private static final int ROUNDS = 10;

    @Test
    void sixteenClientsReviseOneCaseWithIfMatchRoundAfterRound() throws Exception {
        FaultStack stack = FaultStack.get();
        String tag = Suite.tag("C");
        String cases = stack.gateway() + "/api/cooperation/cases";
        String token = Tokens.fresh(Tokens.OFFICER);
        Http.Answer opened = Http.post(cases, token, CooperationWrites.bilateralCase(tag + " round 0"),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(opened.status()).as(opened.brief()).isEqualTo(201);
        String id = opened.json().path("id").asText();

        List<String> winners = new ArrayList<>();
        int won = 0;
        int stale = 0;
        List<String> other = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                Http.Answer current = Http.get(cases + "/" + id, token);
                assertThat(current.status()).as(current.brief()).isEqualTo(200);
                String etag = current.header("ETag").orElseThrow();
                assertThat(etag).as("version before round %d", round).isEqualTo("\"" + round + "\"");
                CyclicBarrier start = new CyclicBarrier(CLIENTS);
                List<CompletableFuture<Http.Answer>> updates = new ArrayList<>();
                for (int client = 0; client < CLIENTS; client++) {
                    String title = tag + " round " + round + " client " + client;
                    updates.add(CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return Http.put(cases + "/" + id, token, CooperationWrites.bilateralCase(title), Map.of("If-Match", etag));
                    }, pool));
                }
                List<Http.Answer> answers = updates.stream().map(CompletableFuture::join).toList();
                List<Http.Answer> roundWinners = answers.stream().filter(a -> a.status() == 200).toList();
                won += roundWinners.size();
                for (Http.Answer answer : answers) {
                    if (answer.status() == 412 && answer.json().path("type").asText().endsWith("/stale-version")) {
                        stale++;
                    } else if (answer.status() != 200) {
                        other.add("round " + round + ": " + answer.brief());
                    }
                }
                assertThat(roundWinners).as("winners of round %d: %s", round,
                        answers.stream().map(Http.Answer::brief).collect(Collectors.joining("\n"))).hasSize(1);
                winners.add(roundWinners.get(0).json().path("title").asText());
            }
        } finally {
            pool.shutdownNow();
        }

        Http.Answer last = Http.get(cases + "/" + id, token);
        long finalVersion = last.json().path("version").asLong();
        List<JsonNode> audit = Suite.listAll("/api/cooperation/audit?sort=id&targetId=" + id, Tokens.ANALYST);
        List<String> auditedOperations = audit.stream().map(a -> a.path("operation").asText()).toList();
        List<String> auditedTitles = audit.stream().filter(a -> "case.updated".equals(a.path("operation").asText()))
                .map(a -> after(a).path("title").asText()).toList();
        Topic.Delivery events = Topic.read(Topic.COOPERATION, e -> id.equals(e.key()),
                d -> d.distinct().size() >= 1 + ROUNDS, Duration.ofSeconds(60));
        List<String> eventTitles = events.distinct().stream().filter(e -> "case.updated".equals(e.type()))
                .map(e -> e.data().path("title").asText()).toList();

        System.out.printf("%n[fault] %d clients, %d rounds of If-Match revisions of case %s%n", CLIENTS, ROUNDS, id);
        System.out.printf("  updates sent %d: won %d (one per round), 412 stale-version %d, other %d%n", CLIENTS * ROUNDS,
                won, stale, other.size());
        System.out.printf("  final version %d (expected %d); audit trail: %d records %s; %s: %d distinct events "
                + "(case.updated %d), duplicates %d%n", finalVersion, 1 + ROUNDS, audit.size(),
                auditedOperations.stream().distinct().toList(), Topic.COOPERATION, events.distinct().size(),
                eventTitles.size(), events.duplicates());
        System.out.printf("  COUNTS concurrent If-Match: acknowledged=%d stored=%d (version %d - 1) delivered=%d duplicates=%d "
                + "stale=%d%n", won, finalVersion - 1, finalVersion, eventTitles.size(), events.duplicates(), stale);

        assertThat(other).as("answers other than 200 or 412 stale-version").isEmpty();
        assertThat(won).as("one winner per round").isEqualTo(ROUNDS);
        assertThat(stale).as("412 for every loser").isEqualTo((CLIENTS - 1) * ROUNDS);
        assertThat(finalVersion).as("final version = 1 + rounds: no update lost").isEqualTo(1 + ROUNDS);
        assertThat(last.json().path("title").asText()).as("the last winner's title").isEqualTo(winners.get(ROUNDS - 1));
        assertThat(auditedTitles).as("every winner's change in the audit trail, in round order").isEqualTo(winners);
        assertThat(auditedOperations).as("audit of the case").containsExactly(
                IntStream.rangeClosed(0, ROUNDS).mapToObj(i -> i == 0 ? "case.opened" : "case.updated").toArray(String[]::new));
        assertThat(eventTitles).as("every winner's change on %s, in order", Topic.COOPERATION).isEqualTo(winners);
        assertThat(events.differingRedeliveries()).isEmpty();
    }

    private static JsonNode after(JsonNode audit) {
        JsonNode change = audit.path("change");
        try {
            return (change.isTextual() ? Http.JSON.readTree(change.asText()) : change).path("after");
        } catch (java.io.IOException e) {
            throw new AssertionError("audit change is not JSON: " + change, e);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException("clients not released together", e);
        }
    }
}
