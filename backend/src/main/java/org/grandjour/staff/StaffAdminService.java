package org.grandjour.staff;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.grandjour.admin.AuditLog;
import org.grandjour.attraction.Attraction;
import org.grandjour.common.ControlCharacters;
import org.grandjour.common.ProblemException;
import org.grandjour.common.ProblemType;

@ApplicationScoped
public class StaffAdminService {
    @Inject
    AuditLog audit;
    @Inject
    KeycloakAccounts accounts;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StaffView> list() {
        Map<String, List<Long>> byUser = StaffAssignment.<StaffAssignment>listAll().stream()
                .collect(Collectors.groupingBy(a -> a.key.username(), TreeMap::new,
                        Collectors.mapping(a -> a.key.attractionId(), Collectors.toList())));
        return byUser.entrySet().stream().map(e -> new StaffView(e.getKey(), e.getValue().stream().sorted().toList())).toList();
    }

    /**
     * Keycloak's own rule for usernames (its prohibited characters, 3 to 255 long) and no control
     * characters, then the account must exist there with the staff role: an assignment for a name
     * nobody logs in with (a typo, {@code ../../etc}) would silently leave a door without its staff.
     */
    public StaffView assignExisting(String actor, String username, List<Long> attractionIds) {
        String problem = usernameProblem(username);
        if (problem != null) {
            throw ProblemException.invalidField("username", problem);
        }
        if (!accounts.isStaff(username)) {
            throw ProblemType.NOT_STAFF.exception("'" + username + "' is not a Keycloak account with the staff role.");
        }
        return assign(actor, username, attractionIds);
    }

    /** Characters Keycloak refuses in a username (its username-prohibited-characters validator), and whitespace. */
    private static final String PROHIBITED = "<>&\"'$%!#?§,;:*~/\\|^=[]{}()`";

    static String usernameProblem(String username) {
        if (username == null || username.length() < 3 || username.length() > 255) {
            return "must be 3 to 255 characters";
        }
        if (ControlCharacters.contains(username, false)) {
            return "control characters are not allowed";
        }
        for (int i = 0; i < username.length(); i++) {
            char c = username.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || PROHIBITED.indexOf(c) >= 0) {
                return "'" + c + "' is not allowed in a username";
            }
        }
        return null;
    }

    @Transactional
    StaffView assign(String actor, String username, List<Long> attractionIds) {
        for (Long id : attractionIds) {
            if (Attraction.findById(id) == null) {
                throw ProblemException.invalidField("attractionIds", "unknown attraction " + id);
            }
        }
        StaffAssignment.delete("key.username", username);
        attractionIds.stream().distinct().forEach(id -> StaffAssignment.of(username, id).persist());
        audit.record(actor, "staff.assign", "staff", username, Map.of("attractionIds", attractionIds));
        return new StaffView(username, attractionIds.stream().distinct().sorted().toList());
    }

    /** The Keycloak account first (it cannot join our transaction), then the assignments. */
    public StaffView createAccount(String actor, StaffAccountInput in) {
        for (Long id : in.attractionIds()) {
            if (io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Attraction.findById(id)) == null) {
                throw ProblemException.invalidField("attractionIds", "unknown attraction " + id);
            }
        }
        accounts.createStaff(in);
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            audit.record(actor, "staff.create", "staff", in.username(), Map.of("email", in.email()));
            return assign(actor, in.username(), in.attractionIds());
        });
    }
}
