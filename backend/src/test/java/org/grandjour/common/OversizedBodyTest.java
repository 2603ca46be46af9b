package org.grandjour.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.grandjour.attraction.Category;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.testsupport.LocalTokens;
import org.grandjour.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A body over the limit (10 MB by default) sent to a real route is a 413 problem+json, whether its length is
 * announced or it comes chunked; a chunked body within the limit still reaches the resource whole. Raw
 * sockets, so that nothing between the test and the server fixes up the framing.
 */
@QuarkusTest
@TestProfile(LocalTokens.Profile.class)
class OversizedBodyTest {
    static final int OVER = 11 * 1024 * 1024;

    @TestHTTPResource("/")
    URL base;
    @Inject
    TestData data;

    Offer offer;

    @BeforeEach
    void setUp() {
        LocalDate day = LocalDate.now().plusDays(3);
        Edition edition = data.edition(day, day, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(2)),
                TestData.PAS_DE_CALAIS);
        offer = data.offer(edition, data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM), day, 20);
    }

    @Test
    void anAnnouncedLengthOverTheLimitIsA413Problem() throws Exception {
        Answer answer = post("Content-Length: " + OVER + "\r\n", oversizedBody(false));
        assertPayloadTooLarge(answer);
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413Problem() throws Exception {
        Answer answer = post("Transfer-Encoding: chunked\r\n", oversizedBody(true));
        assertPayloadTooLarge(answer);
    }

    @Test
    void aChunkedBodyWithinTheLimitIsReadWhole() throws Exception {
        String json = "{\"offerId\": " + offer.id + ", \"partySize\": 2}";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        // in two chunks, so the claim only parses if both arrive
        for (String part : new String[] {json.substring(0, 10), json.substring(10)}) {
            body.writeBytes((Integer.toHexString(part.length()) + "\r\n" + part + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        Answer answer = post("Transfer-Encoding: chunked\r\n", body.toByteArray());
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        assertThat(answer.body()).contains("\"partySize\":2");
    }

    private static void assertPayloadTooLarge(Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(413);
        assertThat(answer.header("content-type")).isEqualTo("application/problem+json");
        assertThat(answer.body()).contains("\"type\":\"https://grandjour.example/problems/payload-too-large\"")
                .contains("\"status\":413").contains("\"instance\":\"/api/tickets\"");
    }

    private static byte[] oversizedBody(boolean chunked) {
        byte[] block = new byte[64 * 1024];
        Arrays.fill(block, (byte) ' ');
        byte[] chunkHead = (Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream body = new ByteArrayOutputStream(OVER + 1024 * 1024);
        for (int sent = 0; sent < OVER; sent += block.length) {
            if (chunked) {
                body.writeBytes(chunkHead);
            }
            body.writeBytes(block);
            if (chunked) {
                body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        }
        if (chunked) {
            body.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return body.toByteArray();
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b; (b = in.read()) != '\n';) {
            assertThat(b).as("the connection ended within a chunked answer").isNotEqualTo(-1);
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    record Answer(int status, String head, String body) {
        String header(String name) {
            Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(.*?)\\s*$").matcher(head);
            return m.find() ? m.group(1) : null;
        }

        String text() {
            return head + "\r\n\r\n" + body;
        }
    }

    /**
     * Writes the request from another thread (the server may answer before it has read everything, and
     * stop reading), and reads the whole answer here: its head, then as many body bytes as it announced.
     */
    private Answer post(String framing, byte[] body) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            byte[] head = ("POST /api/tickets HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n"
                    + "Authorization: Bearer " + LocalTokens.resident(TestData.unique("big"), "62300") + "\r\n"
                    + "Content-Type: application/json\r\n" + framing + "\r\n").getBytes(StandardCharsets.US_ASCII);
            Thread writer = new Thread(() -> {
                try {
                    out.write(head);
                    out.write(body);
                    out.flush();
                } catch (IOException closedByServer) {
                    // the server answered and closed before the whole body was sent: the answer is what counts
                }
            }, "oversized-body-writer");
            writer.setDaemon(true);
            writer.start();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            int headEnd = -1;
            while (headEnd < 0) {
                int b = in.read();
                assertThat(b).as("the connection ended before the answer's head: %s", received).isNotEqualTo(-1);
                received.write(b);
                String sofar = received.toString(StandardCharsets.ISO_8859_1);
                headEnd = sofar.endsWith("\r\n\r\n") ? sofar.length() - 4 : -1;
            }
            String headText = received.toString(StandardCharsets.ISO_8859_1).substring(0, headEnd);
            int status = Integer.parseInt(headText.substring(9, 12));
            Answer withoutBody = new Answer(status, headText, "");
            String length = withoutBody.header("content-length");
            byte[] answerBody;
            if (length != null) {
                answerBody = in.readNBytes(Integer.parseInt(length));
            } else {
                assertThat(withoutBody.header("transfer-encoding")).as(headText).isEqualToIgnoringCase("chunked");
                ByteArrayOutputStream chunks = new ByteArrayOutputStream();
                for (int size; (size = Integer.parseInt(line(in), 16)) > 0;) {
                    chunks.writeBytes(in.readNBytes(size));
                    line(in);
                }
                answerBody = chunks.toByteArray();
            }
            writer.join(Duration.ofSeconds(60).toMillis());
            return new Answer(status, headText, new String(answerBody, StandardCharsets.UTF_8));
        }
    }
}
