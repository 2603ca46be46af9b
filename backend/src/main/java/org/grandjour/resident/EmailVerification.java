package org.grandjour.resident;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.grandjour.common.ProblemType;

/**
 * One person, one account: claiming (and applying) needs an email address the person proved they
 * receive, as Keycloak's {@code email_verified} claim says. A token without the claim is not verified.
 */
public final class EmailVerification {
    private EmailVerification() {
    }

    public static boolean verified(JsonWebToken jwt) {
        Object claim = jwt == null ? null : jwt.getClaim("email_verified");
        if (claim instanceof jakarta.json.JsonValue value) {
            return value == jakarta.json.JsonValue.TRUE;
        }
        return claim != null && Boolean.parseBoolean(claim.toString());
    }

    public static void require(JsonWebToken jwt) {
        if (!verified(jwt)) {
            throw ProblemType.EMAIL_NOT_VERIFIED.exception(
                    "Verify your email address first: open the link in the mail Grand Jour sent you when you registered, then log in again.");
        }
    }
}
