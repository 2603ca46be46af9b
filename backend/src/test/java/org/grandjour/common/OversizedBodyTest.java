package org.grandjour.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.grandjour.testsupport.LocalTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A body over the limit (10 MB by default) is a 413 problem+json, whether its length is announced or chunked. */
@QuarkusTest
@TestProfile(LocalTokens.Profile.class)
class OversizedBodyTest {
    static final int OVER = 11 * 1024 * 1024;

    @TestHTTPResource("/")
    URL base;

    @Test
    void anAnnouncedLengthOverTheLimitIsA413Problem() throws IOException {
        String answer = send("Content-Length: " + OVER + "\r\n", false);
        assertProblem(answer);
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413Problem() throws IOException {
        String answer = send("Transfer-Encoding: chunked\r\n", true);
        assertProblem(answer);
    }

    private static void assertProblem(String answer) {
        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer.toLowerCase()).contains("content-type: application/problem+json");
        assertThat(answer).contains("\"type\":\"https://grandjour.example/problems/payload-too-large\"").contains("\"status\":413");
    }

    /** Writes the body until the server answers or stops reading, then reads what it said. */
    private String send(String lengthHeader, boolean chunked) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/admin/territories HTTP/1.1\r\nHost: " + base.getHost() + "\r\nContent-Type: application/json\r\n"
                    + lengthHeader + "\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[64 * 1024];
            java.util.Arrays.fill(block, (byte) ' ');
            try {
                for (int sent = 0; sent < OVER; sent += block.length) {
                    if (chunked) {
                        out.write((Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(block);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                }
                if (chunked) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException closedByServer) {
                // the server may answer and close before the whole body is written: its answer is still there
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0;) {
                    answer.write(buffer, 0, n);
                    String text = answer.toString(StandardCharsets.UTF_8);
                    if (text.contains("\r\n\r\n") && text.endsWith("}")) {
                        break;
                    }
                }
            } catch (IOException reset) {
                // a reset after the answer: what was read is enough
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
