package org.grandjour.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.grandjour.attraction.Category;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.testsupport.LocalTokens;
import org.grandjour.testsupport.Race;
import org.grandjour.testsupport.TestData;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * A database in trouble degrades the API cleanly: a held lock gives the claim a 503 with Retry-After in
 * time, without starving the pool for everyone else; connections killed under the application (as by
 * a PostgreSQL restart) cost no request a 500 once the database answers again.
 */
@QuarkusTest
@TestProfile(LocalTokens.Profile.class)
class DatabaseTroubleTest {
    @Inject
    TestData data;
    @Inject
    AgroalDataSource db;

    @Test
    void aHeldQuotaLockGivesClaims503InTimeWhileOtherRequestsGoOn() throws Exception {
        LocalDate day = LocalDate.now().plusDays(4);
        Edition edition = data.edition(day, day, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(3)),
                TestData.PAS_DE_CALAIS);
        Offer offer = data.offer(edition, data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM), day, 100);
        try (Connection holder = db.getConnection()) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("select * from offer_quota where offer_id = " + offer.id + " for update");
            CompletableFuture<List<Response>> claims = CompletableFuture.supplyAsync(() -> race(20, offer));
            Thread.sleep(500);
            given().when().get("/api/editions").then().statusCode(200); // unrelated reads answer while claims wait
            for (Response r : claims.get(120, TimeUnit.SECONDS)) { // the lock is held far longer than lock_timeout
                assertThat(r.statusCode()).as(r.asString()).isEqualTo(503);
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.header("Retry-After")).isNotBlank();
            }
            given().when().get("/api/editions").then().statusCode(200);
            holder.rollback();
        }
        given().auth().oauth2(LocalTokens.resident(TestData.unique("after"), "62300")).contentType("application/json")
                .body("{\"offerId\": " + offer.id + ", \"partySize\": 1}").when().post("/api/tickets").then().statusCode(201);
    }

    static List<Response> race(int n, Offer offer) {
        try {
            return Race.run(n, i -> given().auth().oauth2(LocalTokens.resident(TestData.unique("lock"), "62300"))
                    .contentType("application/json").body("{\"offerId\": " + offer.id + ", \"partySize\": 1}")
                    .when().post("/api/tickets"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void connectionsKilledUnderTheApplicationCostNoRequestA500() throws Exception {
        for (int i = 0; i < 10; i++) { // fill the pool with idle connections
            given().when().get("/api/editions").then().statusCode(200);
        }
        try (Connection c = db.getConnection(); var s = c.createStatement()) {
            // the pool's connections, as a restart would end them (not the live-figures listeners, which reconnect by themselves)
            var killed = s.executeQuery("""
                    select count(pg_terminate_backend(pid)) from pg_stat_activity
                    where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'
                      and query not ilike 'listen%' and query not ilike '%notify%'""");
            killed.next();
            assertThat(killed.getLong(1)).isPositive();
        }
        Thread.sleep(1500); // idle longer than the validation interval, as any real restart is
        for (int i = 0; i < 40; i++) {
            given().when().get("/api/editions").then().statusCode(200);
        }
    }
}
