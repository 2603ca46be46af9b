package org.grandjour.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import org.grandjour.attraction.Category;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.testsupport.LocalTokens;
import org.grandjour.testsupport.TestData;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/** Live streams: a few per user at most (429 beyond), and a client going away is not an error in the log. */
@QuarkusTest
@TestProfile(LocalTokens.Profile.class)
class StreamLimitsTest {
    @Inject
    TestData data;
    @Inject
    StreamSlots slots;
    @TestHTTPResource("/")
    URI base;

    /** A live stream on a plain socket, so the test can drop it as a phone would. */
    final class RawStream implements AutoCloseable {
        final Socket socket;
        final BufferedReader in;
        final String status;

        RawStream(long editionId, String token) throws IOException {
            socket = new Socket(base.getHost(), base.getPort());
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/editions/" + editionId + "/stats/stream HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                    + "Authorization: Bearer " + token + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            status = in.readLine();
        }

        /** Reads up to the first event's data. */
        String firstEvent() throws IOException {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("data:")) {
                    return line;
                }
            }
            return null;
        }

        String headersAndBody() throws IOException {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[4096];
            socket.setSoTimeout(10_000);
            try {
                for (int n = in.read(buf); n > 0 && sb.indexOf("}") < 0; n = in.read(buf)) {
                    sb.append(buf, 0, n);
                }
            } catch (java.net.SocketTimeoutException enough) {
                // keep-alive: what came is all there is
            }
            return sb.toString();
        }

        @Override
        public void close() throws IOException {
            socket.setSoLinger(true, 0); // a reset, as a phone losing its network would leave
            socket.close();
        }
    }

    @Test
    void aUserMayHoldFiveStreamsAndIsToldWhenToComeBackForASixth() throws Exception {
        Edition edition = edition();
        String name = TestData.unique("org");
        String organiser = LocalTokens.token(name, "62000", "organiser");
        List<RawStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                RawStream s = new RawStream(edition.id, organiser);
                open.add(s);
                assertThat(s.status).contains(" 200 ");
                assertThat(s.firstEvent()).startsWith("data:");
            }
            assertThat(slots.openBy(name)).isEqualTo(5);
            try (RawStream sixth = new RawStream(edition.id, organiser)) {
                assertThat(sixth.status).contains(" 429 ");
                String rest = sixth.headersAndBody();
                assertThat(rest).containsIgnoringCase("Retry-After: " + StreamSlots.RETRY_AFTER_SECONDS)
                        .containsIgnoringCase("Content-Type: application/problem+json")
                        .contains("\"type\":\"https://grandjour.example/problems/too-many-streams\"").contains("\"status\":429");
            }
            // another user is not held back by this one
            try (RawStream other = new RawStream(edition.id, LocalTokens.token(TestData.unique("org"), "62000", "organiser"))) {
                assertThat(other.status).contains(" 200 ");
            }
            open.remove(0).close();
            awaitOpen(name, 4);
            RawStream again = new RawStream(edition.id, organiser);
            open.add(again);
            assertThat(again.status).as("a slot is given back when a stream ends").contains(" 200 ");
        } finally {
            for (RawStream s : open) {
                s.close();
            }
        }
        awaitOpen(name, 0);
    }

    @Test
    void clientsGoingAwayAreNotErrorsInTheLog() throws Exception {
        assertThat(StreamDisconnects.isDisconnect(new IOException("Broken pipe"))).isTrue();
        assertThat(StreamDisconnects.isDisconnect(new RuntimeException(new IOException("Connection reset by peer")))).isTrue();
        assertThat(StreamDisconnects.isDisconnect(new IllegalStateException("stats failed"))).isFalse();
        LogRecord write = new LogRecord(Level.SEVERE, "Exception in SSE server handling, impossible to send it to client");
        write.setThrown(new IOException("Broken pipe"));
        LogRecord bug = new LogRecord(Level.SEVERE, "Exception in SSE server handling, impossible to send it to client");
        bug.setThrown(new IllegalStateException("a real failure"));
        java.util.logging.Logger handlerLog = java.util.logging.Logger.getLogger(StreamDisconnects.SOURCES.get(0));
        assertThat(handlerLog.getFilter()).as("installed at start").isNotNull();
        assertThat(handlerLog.getFilter().isLoggable(write)).isFalse();
        assertThat(handlerLog.getFilter().isLoggable(bug)).isTrue();

        // for real: streams dropped by their clients, then changes written to them
        List<LogRecord> errors = new CopyOnWriteArrayList<>();
        Handler watch = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.SEVERE.intValue() && (getFilter() == null || getFilter().isLoggable(r))) {
                    errors.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(watch);
        try {
            Edition edition = edition();
            Offer offer = data.offer(edition, data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM), edition.firstDay, 100);
            String organiser = LocalTokens.token(TestData.unique("org"), "62000", "organiser");
            for (int round = 0; round < 3; round++) {
                RawStream s = new RawStream(edition.id, organiser);
                assertThat(s.firstEvent()).startsWith("data:");
                s.close();
                RestAssured.given().auth().oauth2(LocalTokens.resident(TestData.unique("r"), "62300")).contentType("application/json")
                        .body("{\"offerId\": " + offer.id + ", \"partySize\": 1}").post("/api/tickets").then().statusCode(201);
            }
            Thread.sleep(1000); // the changes reach the (closed) streams within a fraction of a second
        } finally {
            root.removeHandler(watch);
        }
        assertThat(errors).as("errors logged").noneMatch(r -> StreamDisconnects.SOURCES.contains(r.getLoggerName()));
    }

    private Edition edition() {
        LocalDate day = LocalDate.now().plusDays(3);
        return data.edition(day, day, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(2)), TestData.PAS_DE_CALAIS);
    }

    private void awaitOpen(String user, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (slots.openBy(user) != expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(slots.openBy(user)).isEqualTo(expected);
    }
}
