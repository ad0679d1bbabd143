package org.dcis.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.core.ConditionTimeoutException;
import org.dcis.devstack.local.Server;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 4 of issue 14 (run last: Keycloak's restart changes the realm's signing keys, as its dev database is in memory):
 * Keycloak stops. Tokens issued before keep working for reads and writes through the gateway and straight at
 * each service (the JWKS is cached; nothing calls Keycloak per request); a new login fails at once and cleanly
 * (the token endpoint refuses the connection, no hang). Keycloak comes back: new logins work and their tokens
 * are accepted everywhere again.
 */
@Order(6)
@ExtendWith(FaultStackExtension.class)
class KeycloakOutageIT {
    /** How long the suite may take to accept tokens of the restarted Keycloak (the gateway refreshes its keys every 10 s). */
    private static final Duration RECOVERY = Duration.ofSeconds(90);

    @Test
    void keycloakStoppedThenBack() {
        FaultStack stack = FaultStack.get();
        String tag = Suite.tag("I");
        String officer = Tokens.fresh(Tokens.OFFICER);
        String admin = Tokens.fresh(Tokens.ADMIN);
        List<Http.Answer> before = calls(stack, officer, admin, tag + " before");
        assertThat(before).as("calls before the outage").allSatisfy(a -> assertThat(a.ok()).as(a.brief()).isTrue());

        Http.Answer login;
        List<Http.Answer> during;
        Instant down;
        Instant back;
        try {
            stack.stop(Server.KEYCLOAK);
            down = Instant.now();
            login = Tokens.login(Tokens.OFFICER);
            during = calls(stack, officer, admin, tag + " during");
            System.out.printf("%n[fault] Keycloak stopped. A new login: %s%n", login.brief());
            System.out.println("[fault] calls with the tokens issued before the outage:");
            during.forEach(a -> System.out.println("    " + a.brief()));

            stack.restart(Server.KEYCLOAK);
            back = Instant.now();
        } finally {
            stack.restoreIfStopped(Server.KEYCLOAK);
        }
        Tokens.forgetAll();
        List<Http.Answer> oldTokenAfter = calls(stack, officer, admin, tag + " old token after");
        System.out.printf("[fault] Keycloak back after %d s away; the tokens issued before its restart now get:%n",
                Duration.between(down, back).toSeconds());
        oldTokenAfter.forEach(a -> System.out.println("    " + a.brief()));

        AtomicReference<List<Http.Answer>> lastTry = new AtomicReference<>(List.of());
        boolean recovered;
        try {
            await("new tokens accepted by the gateway and both services").atMost(RECOVERY).pollInterval(Duration.ofSeconds(2))
                    .until(() -> {
                        Http.Answer newOfficer = Tokens.login(Tokens.OFFICER);
                        Http.Answer newAdmin = Tokens.login(Tokens.ADMIN);
                        if (!newOfficer.ok() || !newAdmin.ok()) {
                            lastTry.set(List.of(newOfficer, newAdmin));
                            return false;
                        }
                        List<Http.Answer> answers = calls(stack, newOfficer.json().path("access_token").asText(),
                                newAdmin.json().path("access_token").asText(), tag + " after");
                        lastTry.set(answers);
                        return answers.stream().allMatch(Http.Answer::ok);
                    });
            recovered = true;
        } catch (ConditionTimeoutException e) {
            recovered = false;
        }
        Duration recovery = Duration.between(back, Instant.now());
        String newKid = Tokens.login(Tokens.OFFICER).json().path("access_token").asText("");
        System.out.printf("[fault] signing key before the restart %s, after %s%n", kid(officer), kid(newKid));
        System.out.printf("[fault] new tokens after Keycloak's return: %s after %d s; last answers:%n",
                recovered ? "accepted everywhere" : "STILL REFUSED", recovery.toSeconds());
        lastTry.get().forEach(a -> System.out.println("    " + a.brief()));
        System.out.printf("  COUNTS Keycloak down: calls with issued tokens=%d answered 2xx=%d; new login during the outage: %s "
                + "in %d ms; new tokens accepted after the return: %s (%d s)%n", during.size(),
                during.stream().filter(Http.Answer::ok).count(), login.answered() ? "HTTP " + login.status() : "refused connection",
                login.took().toMillis(), recovered, recovery.toSeconds());

        assertThat(during).as("calls with tokens issued before the outage")
                .allSatisfy(a -> assertThat(a.ok()).as(a.brief()).isTrue());
        assertThat(login.answered()).as("a login while Keycloak is away: %s", login.brief()).isFalse();
        assertThat(login.failure()).as("the login fails with a refused connection, not a hang").contains("ConnectException");
        assertThat(recovered).as("new tokens accepted within %s of Keycloak's return; last answers:%n%s", RECOVERY,
                lastTry.get().stream().map(Http.Answer::brief).reduce("", (a, b) -> a + b + "\n")).isTrue();
    }

    /** The key id in a JWT's header. */
    private static String kid(String jwt) {
        try {
            return Http.JSON.readTree(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[0])).path("kid").asText("?");
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }

    /** A read and a write of each service, through the gateway and straight at the service (zero trust). */
    private static List<Http.Answer> calls(FaultStack stack, String officer, String admin, String title) {
        List<Http.Answer> answers = new ArrayList<>();
        for (String base : List.of(stack.gateway() + "/api/cooperation", stack.url(Server.COOPERATION))) {
            answers.add(Http.get(base + "/cases?size=1", officer));
            answers.add(Http.post(base + "/cases", officer, CooperationWrites.bilateralCase(title + " " + answers.size()),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString())));
        }
        for (String base : List.of(stack.gateway() + "/api/posts", stack.url(Server.POSTS))) {
            answers.add(Http.get(base + "/posts?size=1", admin));
        }
        return answers;
    }
}
