package org.grandjour.resident;

import java.util.regex.Pattern;

/**
 * The postcodes a resident may register: French (5 digits) or UK. The same pattern is the realm's
 * user-profile validation of {@code postcode} (stack/keycloak/grandjour-realm.json); keep them equal.
 */
public final class PostcodeFormat {
    public static final String PATTERN = "^(?:[0-9]{2} ?[0-9]{3}|[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2})$";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private PostcodeFormat() {
    }

    public static boolean valid(String postcode) {
        return postcode != null && COMPILED.matcher(postcode.trim()).matches();
    }
}
