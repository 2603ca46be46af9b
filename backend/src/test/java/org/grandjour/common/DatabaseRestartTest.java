package org.grandjour.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.grandjour.testsupport.LocalTokens;
import org.grandjour.testsupport.PrivatePostgres;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * The database crashes and comes back (on a PostgreSQL cluster of the test's own): while it is down
 * every request needing it answers 503 problem+json with Retry-After at once (no hang, no 500); once
 * it is back the pooled connections it killed are dropped before use, so no request gets a 500.
 */
@QuarkusTest
@TestProfile(DatabaseRestartTest.OwnDatabase.class)
class DatabaseRestartTest {
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return new HashMap<>(new LocalTokens.Profile().getConfigOverrides());
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PrivatePostgres.class));
        }
    }

    @Test
    void aDatabaseCrashAnswers503WhileDownAndNo500OnceBack() throws Exception {
        for (int i = 0; i < 10; i++) { // pooled connections, which the crash will leave dead
            given().when().get("/api/editions").then().statusCode(200);
        }
        PrivatePostgres.crash();
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            Response r = given().when().get("/api/editions");
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(503);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.jsonPath().getString("type")).endsWith("/service-unavailable");
            assertThat(r.header("Retry-After")).isNotBlank();
            System.out.printf("database down: answered 503 in %d ms%n", millis);
        }
        PrivatePostgres.startServer();
        Map<Integer, Integer> statuses = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            statuses.merge(given().when().get("/api/editions").statusCode(), 1, Integer::sum);
        }
        assertThat(statuses).as("answers once the database is back").containsOnlyKeys(200);
    }
}
