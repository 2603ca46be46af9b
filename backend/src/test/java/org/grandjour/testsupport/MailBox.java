package org.grandjour.testsupport;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.restassured.response.Response;

/**
 * Mail as received by the development mail server (GreenMail, stack/greenmail.sh), read through its
 * REST API: GJ_MAIL_API_PORT, 8025 by default. Mails sent after commit arrive a moment after the request
 * that caused them answered: tests wait for them ({@link #await}), generously (the CI machine is a
 * loaded 2-core box), and never assert on "no mail yet" right after a request.
 */
public final class MailBox {
    /** Long enough for a loaded machine; a test that passes returns as soon as the mail is there. */
    public static final Duration PATIENCE = Duration.ofSeconds(90);

    private MailBox() {
    }

    static String api() {
        return "http://127.0.0.1:" + System.getenv().getOrDefault("GJ_MAIL_API_PORT", "8025");
    }

    /**
     * The messages of a mailbox, each with "subject" and "mimeMessage" (the raw message); none for a
     * mailbox that has received nothing yet (GreenMail answers 400 "not found" until its first mail).
     */
    public static List<Map<String, Object>> messages(String address) {
        Response r = given().baseUri(api()).when().get("/api/user/" + address + "/messages/");
        if (r.statusCode() == 400 || r.statusCode() == 404) {
            return List.of();
        }
        return r.then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** Waits for a mailbox to hold at least one message. */
    public static List<Map<String, Object>> await(String address) {
        return await(address, found -> !found.isEmpty());
    }

    /** Waits for a mailbox to hold at least {@code count} messages. */
    public static List<Map<String, Object>> await(String address, int count) {
        return await(address, found -> found.size() >= count);
    }

    /** Waits until the mailbox's messages satisfy {@code until}, or {@link #PATIENCE} is over (returns what is there). */
    public static List<Map<String, Object>> await(String address, Predicate<List<Map<String, Object>>> until) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            List<Map<String, Object>> found = messages(address);
            if (until.test(found) || Instant.now().isAfter(deadline)) {
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
