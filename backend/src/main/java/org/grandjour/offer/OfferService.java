package org.grandjour.offer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.grandjour.edition.EditionService;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OfferService {
    @Inject
    EditionService editions;

    public List<OfferView> list(long editionId, OfferFilter filter) {
        editions.get(editionId); // 404 for an unknown edition rather than an empty list
        StringBuilder jpql = new StringBuilder("""
                select o from Offer o
                join fetch o.edition e
                join fetch o.attraction a
                join fetch a.territory t
                where e.id = :edition and a.active = true""");
        Map<String, Object> params = new HashMap<>();
        params.put("edition", editionId);
        if (filter.day() != null) {
            jpql.append(" and o.day = :day");
            params.put("day", filter.day());
        }
        if (filter.territory() != null) {
            jpql.append(" and t.code = :territory");
            params.put("territory", filter.territory());
        }
        if (filter.category() != null) {
            jpql.append(" and a.category = :category");
            params.put("category", filter.category());
        }
        jpql.append(" order by o.day, a.nameFr");
        return Offer.<Offer>find(jpql.toString(), params).stream().map(OfferView::of).toList();
    }
}
