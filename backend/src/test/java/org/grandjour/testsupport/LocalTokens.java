package org.grandjour.testsupport;

import java.security.KeyPair;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.smallrye.jwt.build.Jwt;

/**
 * Many distinct residents at once (races need hundreds): bearer tokens signed here with a key the
 * backend is told to trust for this test profile. The tokens go through the real OIDC verification;
 * only the issuer differs from Keycloak's.
 */
public final class LocalTokens {
    private static final KeyPair KEYS = load();

    private LocalTokens() {
    }

    public static String resident(String username, String postcode) {
        return token(username, postcode, "resident");
    }

    public static String token(String username, String postcode, String... roles) {
        return token(true, username, postcode, roles);
    }

    /** A resident who has not verified their email address (Keycloak's email_verified false). */
    public static String unverifiedResident(String username, String postcode) {
        return token(false, username, postcode, "resident");
    }

    /** A resident with a chosen email address and language (Keycloak's locale claim). */
    public static String residentWithEmail(String username, String postcode, String email, String locale) {
        return signed(true, username, postcode, email, locale, "resident");
    }

    private static String token(boolean emailVerified, String username, String postcode, String... roles) {
        return signed(emailVerified, username, postcode, username + "@residents.grandjour.test", null, roles);
    }

    private static String signed(boolean emailVerified, String username, String postcode, String email, String locale, String... roles) {
        var builder = Jwt.issuer("https://grandjour.test").subject("sub-" + username)
                .claim("preferred_username", username)
                .claim("given_name", "Test").claim("family_name", username)
                .claim("email", email).claim("email_verified", emailVerified)
                .claim("realm_access", Map.of("roles", List.of(roles)));
        if (postcode != null) {
            builder.claim("postcode", postcode);
        }
        if (locale != null) {
            builder.claim("locale", locale);
        }
        return builder.expiresIn(3600).jws().keyId("test").sign(KEYS.getPrivate());
    }

    /** The profile that makes the backend trust these tokens (and nothing from Keycloak). */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.oidc.auth-server-url", "",
                    "quarkus.oidc.public-key", Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded()));
        }
    }

    /** A fixed, test-only key pair (src/test/resources/test-tokens): the same in every class loader. */
    private static KeyPair load() {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new KeyPair(rsa.generatePublic(new X509EncodedKeySpec(pem("public-key.pem"))),
                    rsa.generatePrivate(new PKCS8EncodedKeySpec(pem("private-key.pem"))));
        } catch (Exception e) {
            throw new IllegalStateException("test token keys are unreadable", e);
        }
    }

    private static byte[] pem(String name) throws java.io.IOException {
        try (var in = LocalTokens.class.getResourceAsStream("/test-tokens/" + name)) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
        }
    }
}
