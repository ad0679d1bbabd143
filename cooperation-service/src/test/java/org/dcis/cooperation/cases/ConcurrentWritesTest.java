package org.dcis.cooperation.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dcis.cooperation.support.Api.ANALYST;
import static org.dcis.cooperation.support.Api.DAKAR;
import static org.dcis.cooperation.support.Api.as;
import static org.dcis.cooperation.support.Cases.bilateral;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.dcis.cooperation.support.Directory;
import org.dcis.cooperation.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Simultaneous requests: retries of one create store one case; simultaneous edits of one version, one wins. */
@QuarkusTest
class ConcurrentWritesTest {
    private static final int PARALLEL = 4;
    private ExecutorService pool;

    @BeforeEach
    void setUp() {
        Directory.standardPosts();
        Tokens.of(DAKAR);
        pool = Executors.newFixedThreadPool(PARALLEL);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    private List<Response> simultaneously(java.util.function.Supplier<Response> call) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Response>> calls = IntStream.range(0, PARALLEL)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return call.get();
                }, pool)).toList();
        start.countDown();
        return calls.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void simultaneousRetriesOfOneCreateStoreOneCase() {
        String title = "Simultaneous " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        var body = bilateral(title, "SN-DAKAR", "SN");
        List<Response> responses = simultaneously(() -> as(DAKAR).header("Idempotency-Key", key).body(body).post("/cases"));

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
        assertThat(responses.stream().map(r -> r.jsonPath().getString("id")).distinct()).hasSize(1);
        assertThat(as(ANALYST).queryParam("text", title).get("/cases").jsonPath().getInt("total")).isEqualTo(1);
    }

    @Test
    void simultaneousEditsOfOneVersionLetExactlyOneWin() {
        String id = as(DAKAR).body(bilateral("Edited " + UUID.randomUUID(), "SN-DAKAR", "SN")).post("/cases")
                .then().statusCode(201).extract().path("id");
        List<Response> responses = simultaneously(() -> as(DAKAR).header("If-Match", "\"1\"")
                .body(bilateral("Edit " + UUID.randomUUID(), "SN-DAKAR", "GM")).put("/cases/" + id));

        assertThat(responses.stream().filter(r -> r.statusCode() == 200)).hasSize(1);
        assertThat(responses.stream().filter(r -> r.statusCode() == 412)).hasSize(PARALLEL - 1);
        String winner = responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow()
                .jsonPath().getString("title");
        var stored = as(ANALYST).get("/cases/" + id).jsonPath();
        assertThat(stored.getString("title")).isEqualTo(winner);
        assertThat(stored.getLong("version")).isEqualTo(2);
        assertThat(as(ANALYST).queryParam("targetId", id).get("/audit").jsonPath().getInt("total")).isEqualTo(2);
    }
}
