package org.grandjour.ticket;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.grandjour.common.SqlValues;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Signs QR payloads with Ed25519 so a door device can check a ticket without a network.
 * Payload: {@code GJ1.<kid>.<base64url(claims JSON)>.<base64url(signature)>}, the signature
 * covering everything before the last dot. The key id lets keys rotate.
 * <p>
 * The signing and checking are Bouncy Castle's Ed25519 (RFC 8032, the same signatures as the JDK's):
 * several times faster than the JDK 17 provider, whose field arithmetic took an eighth of the
 * backend's CPU in the load benchmark (every claim signs, every scan checks).
 */
@ApplicationScoped
public class TicketSigner {
    static final String PREFIX = "GJ1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    /** DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
    private static final int SPKI_PREFIX_LENGTH = 12;

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    private final Map<String, Ed25519PublicKeyParameters> publicKeys = new ConcurrentHashMap<>();
    private volatile SigningKey active;

    record SigningKey(String kid, Ed25519PrivateKeyParameters privateKey) {
        static SigningKey of(String kid, byte[] pkcs8) {
            return new SigningKey(kid, new Ed25519PrivateKeyParameters(pkcs8, pkcs8.length - Ed25519PrivateKeyParameters.KEY_SIZE));
        }
    }

    /** What a signed payload says about its ticket. */
    public record TicketClaims(long ticketId, long offerId, long attractionId, LocalDate day, int partySize) {
    }

    public String sign(TicketClaims claims) {
        SigningKey key = activeKey();
        try {
            byte[] body = json.writeValueAsBytes(Map.of("t", claims.ticketId(), "o", claims.offerId(),
                    "a", claims.attractionId(), "d", claims.day().toString(), "p", claims.partySize()));
            String signed = PREFIX + "." + key.kid() + "." + B64.encodeToString(body);
            byte[] message = signed.getBytes(StandardCharsets.US_ASCII);
            byte[] signature = new byte[Ed25519PrivateKeyParameters.SIGNATURE_SIZE];
            key.privateKey().sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
            return signed + "." + B64.encodeToString(signature);
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign a ticket", e);
        }
    }

    /** The claims of an authentic payload; empty for anything forged, altered or unreadable. */
    public Optional<TicketClaims> verify(String payload) {
        if (payload == null) {
            return Optional.empty();
        }
        String[] parts = payload.trim().split("\\.");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return Optional.empty();
        }
        try {
            Ed25519PublicKeyParameters key = publicKey(parts[1]);
            byte[] signature = B64D.decode(parts[3]);
            if (key == null || signature.length != Ed25519PrivateKeyParameters.SIGNATURE_SIZE) {
                return Optional.empty();
            }
            byte[] message = (parts[0] + "." + parts[1] + "." + parts[2]).getBytes(StandardCharsets.US_ASCII);
            if (!key.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0)) {
                return Optional.empty();
            }
            JsonNode c = json.readTree(B64D.decode(parts[2]));
            return Optional.of(new TicketClaims(c.get("t").asLong(), c.get("o").asLong(), c.get("a").asLong(),
                    LocalDate.parse(c.get("d").asText()), c.get("p").asInt()));
        } catch (Exception e) {
            return Optional.empty(); // a bad payload is a verdict, not an error
        }
    }

    /** Ready before the first claim: creating the key lazily inside a busy claim would need a second connection. */
    void init(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event) {
        activeKey();
    }

    /** Every key that may have signed a live ticket, for offline verification. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TicketKeyView> keys() {
        activeKey();
        List<Object[]> rows = em.createNativeQuery(
                "select kid, public_key, created_at, retired_at from ticket_signing_key order by created_at").getResultList();
        return rows.stream().map(r -> {
            byte[] spki = (byte[]) r[1];
            return new TicketKeyView((String) r[0], "Ed25519",
                    B64.encodeToString(Arrays.copyOfRange(spki, SPKI_PREFIX_LENGTH, spki.length)),
                    Base64.getEncoder().encodeToString(spki), SqlValues.instant(r[2]), SqlValues.instant(r[3]));
        }).toList();
    }

    private SigningKey activeKey() {
        SigningKey key = active;
        if (key == null) {
            synchronized (this) {
                if (active == null) {
                    active = QuarkusTransaction.requiringNew().call(this::loadOrCreateActiveKey);
                }
                key = active;
            }
        }
        return key;
    }

    /** Several instances may start at once: an advisory lock makes exactly one create the key. */
    private SigningKey loadOrCreateActiveKey() {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('ticket_signing_key'))").getSingleResult();
        List<Object[]> rows = em.createNativeQuery(
                "select kid, private_key from ticket_signing_key where retired_at is null").getResultList();
        try {
            if (!rows.isEmpty()) {
                return SigningKey.of((String) rows.get(0)[0], (byte[]) rows.get(0)[1]);
            }
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            String kid = "k" + UUID.randomUUID().toString().substring(0, 8);
            em.createNativeQuery("insert into ticket_signing_key (kid, algorithm, public_key, private_key) values (?1, 'Ed25519', ?2, ?3)")
                    .setParameter(1, kid).setParameter(2, pair.getPublic().getEncoded())
                    .setParameter(3, pair.getPrivate().getEncoded()).executeUpdate();
            return SigningKey.of(kid, pair.getPrivate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    private Ed25519PublicKeyParameters publicKey(String kid) {
        Ed25519PublicKeyParameters cached = publicKeys.get(kid);
        if (cached != null) {
            return cached;
        }
        List<?> rows = QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery("select public_key from ticket_signing_key where kid = ?1")
                .setParameter(1, kid).getResultList());
        if (rows.isEmpty()) {
            return null;
        }
        byte[] spki = (byte[]) rows.get(0);
        Ed25519PublicKeyParameters key = new Ed25519PublicKeyParameters(spki, SPKI_PREFIX_LENGTH);
        publicKeys.put(kid, key);
        return key;
    }
}
