package org.grandjour.admin;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.grandjour.common.SqlValues;

@ApplicationScoped
public class AuditLogReader {
    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> latest(int limit) {
        List<Object[]> rows = em.createNativeQuery(
                "select id, at, actor, action, entity, entity_id, details::text from audit_log order by at desc, id desc limit ?1")
                .setParameter(1, limit).getResultList();
        return rows.stream().map(r -> new AuditEntry(((Number) r[0]).longValue(), SqlValues.instant(r[1]), (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6])).toList();
    }
}
