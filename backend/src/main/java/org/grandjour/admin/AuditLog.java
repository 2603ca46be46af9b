package org.grandjour.admin;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes who changed what, in the transaction of the change (so a rolled-back change leaves no trace). */
@ApplicationScoped
public class AuditLog {
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    public void record(String actor, String action, String entity, Object entityId, Map<String, ?> details) {
        try {
            em.createNativeQuery("insert into audit_log (actor, action, entity, entity_id, details) values (?1, ?2, ?3, ?4, cast(?5 as jsonb))")
                    .setParameter(1, actor).setParameter(2, action).setParameter(3, entity).setParameter(4, String.valueOf(entityId))
                    .setParameter(5, json.writeValueAsString(details)).executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details are not JSON", e);
        }
    }
}
