package org.grandjour.testsupport;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Mail as received by the development mail server (GreenMail, stack/greenmail.sh), read through its
 * REST API: GJ_MAIL_API_PORT, 8025 by default.
 */
public final class MailBox {
    private MailBox() {
    }

    static String api() {
        return "http://127.0.0.1:" + System.getenv().getOrDefault("GJ_MAIL_API_PORT", "8025");
    }

    /** The messages of a mailbox, each with "subject" and "mimeMessage" (the raw message). */
    public static List<Map<String, Object>> messages(String address) {
        return given().baseUri(api()).when().get("/api/user/" + address + "/messages/")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** Waits (generously: the machine is shared and slow) for a mailbox to hold at least one message. */
    public static List<Map<String, Object>> await(String address) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            List<Map<String, Object>> found = messages(address);
            if (!found.isEmpty() || Instant.now().isAfter(deadline)) {
                return found;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
        }
    }
}
