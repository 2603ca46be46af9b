package org.grandjour.territory;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

/** The territories anyone may read, and which of them a postcode belongs to. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TerritoryService {

    public List<TerritoryView> list() {
        return Territory.<Territory>listAll(Sort.by("code")).stream().map(TerritoryView::of).toList();
    }

    /** The first territory whose rule covers the postcode; none is a match too (territory null). */
    public PostcodeMatch match(String postcode) {
        Territory match = Territory.<Territory>streamAll().filter(t -> t.covers(postcode)).findFirst().orElse(null);
        return new PostcodeMatch(Territory.normalisePostcode(postcode), match == null ? null : TerritoryView.of(match));
    }
}
