package org.dcis.cooperation.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

/** Waits for the service to have applied post events; also seeds the posts most tests rely on. */
public final class Directory {
    private static boolean seeded;

    private Directory() {
    }

    /** SN-DAKAR (SN, GM, CV, GW) and CO-BOGOTA (CO, EC), open; published once per test JVM. */
    public static synchronized void standardPosts() {
        if (seeded) {
            return;
        }
        long dakar = PostEvents.publish("post.opened", "SN-DAKAR", "SN", "Dakar", "OPEN", List.of("SN", "GM", "CV", "GW"));
        long bogota = PostEvents.publish("post.opened", "CO-BOGOTA", "CO", "Bogotá", "OPEN", List.of("CO", "EC"));
        awaitVersion("SN-DAKAR", dakar);
        awaitVersion("CO-BOGOTA", bogota);
        seeded = true;
    }

    /** Until the directory holds at least this version of the post. */
    public static void awaitVersion(String postId, long version) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            var response = Api.as(Api.ANALYST).get("/directory/posts/" + postId);
            return response.statusCode() == 200 && response.jsonPath().getLong("version") >= version;
        });
    }
}
