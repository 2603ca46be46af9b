package org.grandjour.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.grandjour.ticket.Claims.claim;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.grandjour.attraction.Category;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.testsupport.LocalTokens;
import org.grandjour.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** What the door sees: the QR decodes, and its signature verifies with the served public key only. */
@QuarkusTest
@TestProfile(LocalTokens.Profile.class)
class TicketQrTest {
    @Inject
    TestData data;
    @Inject
    TicketSigner signer;

    String resident;
    int ticketId;
    Offer offer;

    @BeforeEach
    void setUp() {
        LocalDate day = LocalDate.now().plusDays(4);
        Edition edition = data.edition(day, day, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(3)),
                TestData.PAS_DE_CALAIS);
        offer = data.offer(edition, data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM), day, 10);
        resident = LocalTokens.resident(TestData.unique("qr"), "62300");
        ticketId = claim(resident, offer.id, 3).then().statusCode(201).extract().path("id");
    }

    @Test
    void thePngDecodesToAPayloadSignedByAServedKey() throws Exception {
        byte[] png = given().auth().oauth2(resident).when().get("/api/tickets/" + ticketId + "/qr.png")
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        // the served image is the bare code (no photo): read it as such; detection heuristics meant for
        // camera frames occasionally mistake a data pattern for a finder pattern (a FormatException)
        String payload = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();

        assertThat(payload).isEqualTo(given().auth().oauth2(resident).get("/api/tickets/" + ticketId).path("qrPayload"));
        String[] parts = payload.split("\\.");
        assertThat(parts).hasSize(4);
        assertThat(parts[0]).isEqualTo("GJ1");
        Map<String, Object> claims = new com.fasterxml.jackson.databind.ObjectMapper().readValue(
                Base64.getUrlDecoder().decode(parts[2]), new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        assertThat(claims).containsEntry("t", ticketId).containsEntry("o", offer.id.intValue()).containsEntry("p", 3)
                .containsEntry("d", offer.day.toString());

        PublicKey key = servedKey(parts[1]);
        assertThat(verify(key, payload)).isTrue();

        // one byte changed anywhere in the signed part, or in the signature: no longer authentic
        byte[] bytes = payload.getBytes(StandardCharsets.US_ASCII);
        int[] positions = {parts[0].length() + parts[1].length() + 5, payload.length() - 3};
        for (int position : positions) {
            byte[] altered = bytes.clone();
            altered[position] = (byte) (altered[position] == 'A' ? 'B' : 'A');
            String forged = new String(altered, StandardCharsets.US_ASCII);
            assertThat(verify(key, forged)).as("altered at " + position).isFalse();
            assertThat(signer.verify(forged)).isEmpty();
        }
        assertThat(signer.verify(payload)).isPresent();
    }

    @Test
    void svgPdfAndCalendarAreServed() {
        String svg = given().auth().oauth2(resident).when().get("/api/tickets/" + ticketId + "/qr.svg")
                .then().statusCode(200).contentType("image/svg+xml").extract().asString();
        assertThat(svg).startsWith("<svg").contains("viewBox").contains("crispEdges");
        byte[] pdf = given().auth().oauth2(resident).when().get("/api/tickets/" + ticketId + "/ticket.pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String ics = given().auth().oauth2(resident).when().get("/api/tickets/" + ticketId + "/ticket.ics")
                .then().statusCode(200).contentType("text/calendar").extract().asString();
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("DTSTART;VALUE=DATE:" + offer.day.toString().replace("-", ""))
                .contains("UID:ticket-" + ticketId + "@grandjour").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.lines()).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
    }

    private PublicKey servedKey(String kid) throws Exception {
        List<Map<String, Object>> keys = given().when().get("/api/ticket-keys").then().statusCode(200).extract().path("");
        Map<String, Object> key = keys.stream().filter(k -> kid.equals(k.get("kid"))).findFirst().orElseThrow();
        assertThat(key.get("algorithm")).isEqualTo("Ed25519");
        assertThat(Base64.getUrlDecoder().decode((String) key.get("publicKey"))).hasSize(32);
        return KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode((String) key.get("publicKeySpki"))));
    }

    private static boolean verify(PublicKey key, String payload) {
        try {
            int lastDot = payload.lastIndexOf('.');
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(payload.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
            return s.verify(Base64.getUrlDecoder().decode(payload.substring(lastDot + 1)));
        } catch (Exception e) {
            return false;
        }
    }
}
