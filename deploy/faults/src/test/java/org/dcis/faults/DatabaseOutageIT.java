package org.dcis.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.SoftAssertions;
import org.awaitility.core.ConditionTimeoutException;
import org.dcis.devstack.local.Server;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Scenario 3: PostgreSQL stops under both services (one server holds both databases). Every call that needs
 * the database gets a clean answer within the client's timeout: a 503 {@code service-unavailable}
 * problem+json, through the gateway and straight at the service; readiness turns DOWN. Meanwhile a post
 * event reaches cooperation-service's directory consumer (an at-least-once redelivery, as posts-service,
 * whose database would be elsewhere in production, or a lagging consumer brings it). When PostgreSQL is back
 * the services recover by themselves (same processes): readiness UP, reads and writes work, the relays send
 * and the directory follows the registry again.
 */
@Order(3)
@ExtendWith(FaultStackExtension.class)
class DatabaseOutageIT {
    /** The client's patience for one answer: a service that hangs on its dead pool shows up as a timeout. */
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration RECOVERY = Duration.ofSeconds(60);
    /** How long PostgreSQL stays away at least (readiness is probed meanwhile). */
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final List<Server> SERVICES = List.of(Server.POSTS, Server.COOPERATION);

    @Test
    void postgresStoppedUnderBothServices() {
        FaultStack stack = FaultStack.get();
        String tag = Suite.tag("D");
        Map<Server, Long> pids = Map.of(Server.POSTS, stack.pid(Server.POSTS), Server.COOPERATION, stack.pid(Server.COOPERATION));
        String officer = Tokens.fresh(Tokens.OFFICER);
        String admin = Tokens.fresh(Tokens.ADMIN);
        List<String> free = RegistryWrites.uncoveredCountries();

        // A post the directory already has: its post.opened will be delivered again during the outage.
        String before = free.get(0) + "-" + tag + "-BEFORE";
        Http.Answer opened = Http.post(stack.gateway() + "/api/posts/posts", admin, RegistryWrites.post(before, free.get(0)),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(opened.status()).as(opened.brief()).isEqualTo(201);
        List<String> beforeBehind = RegistryWrites.awaitDirectory(Map.of(before, opened.json()), Map.of());
        Topic.Delivery beforeEvents = Topic.read(Topic.POSTS, e -> before.equals(e.key()), d -> !d.distinct().isEmpty(),
                Duration.ofSeconds(60));

        List<Http.Answer> answers = new ArrayList<>();
        List<Readiness> downReadiness = new ArrayList<>();
        Duration away;
        Duration recovered;
        boolean readyAgain;
        try {
            stack.stop(Server.POSTGRES);
            Instant down = Instant.now();
            beforeEvents.distinct().stream().findFirst().ifPresent(event -> Topic.redeliver(Topic.POSTS, event));

            for (String base : List.of(stack.gateway() + "/api/posts", stack.url(Server.POSTS))) {
                answers.add(call("GET", base + "/posts", admin, null));
                String country = free.get(1);
                answers.add(call("POST", base + "/posts", admin, RegistryWrites.post(country + "-" + tag + "-" + answers.size(), country)));
            }
            for (String base : List.of(stack.gateway() + "/api/cooperation", stack.url(Server.COOPERATION))) {
                answers.add(call("GET", base + "/cases", officer, null));
                answers.add(call("POST", base + "/cases", officer, CooperationWrites.bilateralCase(tag + " case " + answers.size())));
            }
            System.out.printf("%n[fault] PostgreSQL stopped; answers of the APIs (client timeout %d s):%n", CLIENT_TIMEOUT.toSeconds());
            answers.forEach(answer -> System.out.println("    " + answer.brief()));

            try {
                await("readiness DOWN without the database, for " + OUTAGE.toSeconds() + " s").atMost(Duration.ofMinutes(1))
                        .pollInterval(Duration.ofSeconds(1)).until(() -> {
                            downReadiness.clear();
                            SERVICES.forEach(service -> downReadiness.add(Readiness.of(service)));
                            return downReadiness.stream().noneMatch(Readiness::up)
                                    && Duration.between(down, Instant.now()).compareTo(OUTAGE) >= 0;
                        });
            } catch (ConditionTimeoutException e) {
                // reported and asserted below
            }
            System.out.println("[fault] readiness without PostgreSQL:");
            downReadiness.forEach(r -> System.out.println("    " + r.summary()));

            stack.restart(Server.POSTGRES);
            Instant back = Instant.now();
            away = Duration.between(down, back);
            System.out.printf("[fault] PostgreSQL restarted after %d s away%n", away.toSeconds());
            try {
                await("both services ready again by themselves").atMost(RECOVERY).pollInterval(Duration.ofSeconds(1))
                        .until(() -> SERVICES.stream().allMatch(s -> Readiness.of(s).up()));
                readyAgain = true;
            } catch (ConditionTimeoutException e) {
                readyAgain = false;
            }
            recovered = Duration.between(back, Instant.now());
            System.out.printf("[fault] readiness %s %d s after PostgreSQL's return:%n", readyAgain ? "UP again" : "NOT UP",
                    recovered.toSeconds());
            SERVICES.forEach(service -> System.out.println("    " + Readiness.of(service).summary()));
        } finally {
            stack.restoreIfStopped(Server.POSTGRES);
        }

        // Reads and writes work again through the gateway, and the events flow again.
        String after = free.get(2) + "-" + tag + "-AFTER";
        Http.Answer postAfter = until("a post opened once PostgreSQL is back", () -> Http.post(stack.gateway() + "/api/posts/posts",
                Tokens.of(Tokens.ADMIN), RegistryWrites.post(after, free.get(2)), Map.of("Idempotency-Key", UUID.randomUUID().toString())));
        Http.Answer caseAfter = until("a case opened once PostgreSQL is back", () -> Http.post(stack.gateway() + "/api/cooperation/cases",
                Tokens.of(Tokens.OFFICER), CooperationWrites.bilateralCase(tag + " case after"),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())));
        List<String> directoryBehind = postAfter.ok()
                ? RegistryWrites.awaitDirectory(Map.of(after, postAfter.json()), Map.of(), Duration.ofSeconds(30))
                : List.of(after + " was not opened: " + postAfter.brief());
        String caseId = caseAfter.json().path("id").asText("none");
        Topic.Delivery caseEvents = Topic.read(Topic.COOPERATION, e -> caseId.equals(e.key()), d -> !d.distinct().isEmpty(),
                Duration.ofSeconds(60));
        JsonNode redelivered = Http.get(stack.gateway() + "/api/cooperation/directory/posts/" + before, Tokens.of(Tokens.ADMIN)).json();
        Map<Server, Long> pidsAfter = Map.of(Server.POSTS, stack.pid(Server.POSTS), Server.COOPERATION, stack.pid(Server.COOPERATION));

        long clean = answers.stream().filter(a -> a.status() == 503).count();
        System.out.printf("[fault] after the outage: post opened %s, case opened %s, directory follows the registry %s, "
                + "case.opened delivered %d, redelivered post still at version %s; pids %s -> %s%n", postAfter.status(),
                caseAfter.status(), directoryBehind.isEmpty(), caseEvents.distinct().size(), redelivered.path("version").asText("?"),
                pids, pidsAfter);
        System.out.printf("  COUNTS PostgreSQL down %d s: calls=%d answered=%d clean-503=%d statuses=%s slowest=%d ms; "
                + "readiness DOWN=%d of %d; ready again by itself=%s (%d s); same processes=%s%n", away.toSeconds(),
                answers.size(), answers.stream().filter(Http.Answer::answered).count(), clean,
                answers.stream().map(a -> Integer.toString(a.status())).distinct().toList(),
                answers.stream().mapToLong(a -> a.took().toMillis()).max().orElse(0),
                downReadiness.stream().filter(r -> !r.up()).count(), SERVICES.size(), readyAgain, recovered.toSeconds(),
                pids.equals(pidsAfter));

        softly.assertThat(beforeBehind).as("the directory had the post before the outage").isEmpty();
        softly.assertThat(beforeEvents.distinct()).as("post.opened of %s to redeliver", before).isNotEmpty();
        for (Http.Answer answer : answers) {
            softly.assertThat(answer.answered()).as("an answer within the client's timeout: %s", answer.brief()).isTrue();
            softly.assertThat(answer.status()).as("status of %s", answer.brief()).isEqualTo(503);
            softly.assertThat(answer.contentType()).as("content type of %s", answer.brief()).startsWith("application/problem+json");
            softly.assertThat(answer.json().path("type").asText()).as("problem type of %s", answer.brief())
                    .endsWith("/service-unavailable");
        }
        softly.assertThat(downReadiness).as("readiness of both services without the database").hasSize(SERVICES.size())
                .allSatisfy(r -> softly.assertThat(r.httpStatus()).as(r.summary()).isEqualTo(503));
        softly.assertThat(readyAgain).as("both services ready within %s of PostgreSQL's return, without a restart", RECOVERY).isTrue();
        softly.assertThat(pidsAfter).as("the same service processes (no restart)").isEqualTo(pids);
        softly.assertThat(postAfter.status()).as(postAfter.brief()).isEqualTo(201);
        softly.assertThat(caseAfter.status()).as(caseAfter.brief()).isEqualTo(201);
        softly.assertThat(directoryBehind).as("the directory follows the registry again").isEmpty();
        softly.assertThat(caseEvents.distinct()).as("case.opened of the case opened after the outage").hasSize(1);
        softly.assertThat(redelivered.path("version").asLong()).as("the redelivered event changed nothing").isEqualTo(1);
        softly.assertAll();
    }

    private static Http.Answer call(String method, String uri, String token, Object body) {
        Map<String, String> headers = body == null ? Map.of() : Map.of("Idempotency-Key", UUID.randomUUID().toString());
        return Http.call(method, uri, token, body, headers, CLIENT_TIMEOUT);
    }

    /** Repeats the call for a while until it is answered 2xx; answers the last answer either way. */
    private static Http.Answer until(String what, java.util.concurrent.Callable<Http.Answer> call) {
        java.util.concurrent.atomic.AtomicReference<Http.Answer> last = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                last.set(call.call());
                return last.get().ok();
            });
        } catch (ConditionTimeoutException e) {
            // the last answer tells what happened
        }
        return last.get();
    }
}
