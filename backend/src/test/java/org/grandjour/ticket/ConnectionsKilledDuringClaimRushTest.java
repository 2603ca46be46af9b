package org.grandjour.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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
 * PostgreSQL ending the application's connections in the middle of a claim rush (as a restart or an
 * operator's pg_terminate_backend does): the claims caught in it answer 503 with Retry-After, never
 * 500; each client retrying with its Idempotency-Key ends with exactly one ticket or a definite
 * "sold out"; no ticket a client was told about is lost and the offer is not oversold.
 */
@QuarkusTest
@TestProfile(LocalTokens.Profile.class)
class ConnectionsKilledDuringClaimRushTest {
    static final int CLIENTS = 120;
    static final int CAPACITY = 50;

    @Inject
    TestData data;
    @Inject
    AgroalDataSource db;

    record Client(String token, String key) {
    }

    @Test
    void killingTheConnectionsDuringAClaimRushLosesNoTicketAndOversellsNothing() throws Exception {
        LocalDate day = LocalDate.now().plusDays(5);
        Edition edition = data.edition(day, day, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(4)),
                TestData.PAS_DE_CALAIS);
        Offer offer = data.offer(edition, data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM), day, CAPACITY);
        Client[] clients = new Client[CLIENTS];
        for (int i = 0; i < CLIENTS; i++) {
            clients[i] = new Client(LocalTokens.resident(TestData.unique("rush-kill"), "62300"), TestData.unique("key"));
        }

        AtomicBoolean rushing = new AtomicBoolean(true);
        AtomicInteger killed = new AtomicInteger();
        CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> {
            try (Connection c = db.getConnection(); var s = c.createStatement()) {
                for (int round = 0; round < 5 && rushing.get(); round++) { // end every other connection of the application, a few times
                    var rs = s.executeQuery("""
                            select count(pg_terminate_backend(pid)) from pg_stat_activity
                            where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'
                              and query not ilike 'listen%' and query not ilike '%notify%'""");
                    rs.next();
                    killed.addAndGet(rs.getInt(1));
                    Thread.sleep(200);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        List<Response> first;
        try {
            first = Race.run(CLIENTS, i -> Claims.claim(clients[i].token(), offer.id, 1, clients[i].key()));
        } finally {
            rushing.set(false);
            killer.get(60, TimeUnit.SECONDS);
        }
        assertThat(killed.get()).as("connections ended during the rush").isPositive();

        Map<Integer, Integer> firstAnswers = new HashMap<>();
        for (Response r : first) {
            firstAnswers.merge(r.statusCode(), 1, Integer::sum);
            assertThat(r.statusCode()).as(r.asString()).isIn(200, 201, 409, 503);
            assertThat(r.contentType()).as(r.asString()).startsWith(r.statusCode() >= 400 ? "application/problem+json" : "application/json");
            if (r.statusCode() == 503) {
                assertThat(r.header("Retry-After")).isNotBlank();
            }
        }
        System.out.printf("claim rush with %d connections ended under it: first answers %s%n", killed.get(), firstAnswers);

        // Each client that got no definite answer sends the same request again, as the SPA does.
        Map<String, Integer> finalAnswer = new HashMap<>();
        for (int i = 0; i < CLIENTS; i++) {
            int status = first.get(i).statusCode();
            for (int attempt = 0; status == 503 && attempt < 20; attempt++) {
                Thread.sleep(200);
                status = Claims.claim(clients[i].token(), offer.id, 1, clients[i].key()).statusCode();
            }
            assertThat(status).isIn(200, 201, 409);
            finalAnswer.put(clients[i].key(), status);
        }

        try (Connection c = db.getConnection(); var s = c.createStatement()) {
            Map<String, Integer> held = new HashMap<>();
            var rs = s.executeQuery("select idempotency_key, count(*) from ticket where status = 'ACTIVE' and offer_id = " + offer.id + " group by 1");
            while (rs.next()) {
                held.put(rs.getString(1), rs.getInt(2));
            }
            finalAnswer.forEach((key, status) -> assertThat(held.getOrDefault(key, 0)).as("client %s answered %d", key, status)
                    .isEqualTo(status == 409 ? 0 : 1));
            var remaining = s.executeQuery("select coalesce(sum(remaining), 0) from offer_quota where offer_id = " + offer.id);
            remaining.next();
            int sold = held.values().stream().mapToInt(Integer::intValue).sum();
            assertThat(sold).as("tickets: all places, never more").isEqualTo(CAPACITY);
            assertThat(remaining.getInt(1)).as("the places left in the offer's quota").isEqualTo(CAPACITY - sold);
        }
    }
}
