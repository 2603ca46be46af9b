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
import org.grandjour.common.ProblemException;

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

    @Transactional
    public StaffView assign(String actor, String username, List<Long> attractionIds) {
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
