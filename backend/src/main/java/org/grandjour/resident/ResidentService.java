package org.grandjour.resident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.grandjour.edition.Edition;
import org.grandjour.edition.EditionService;
import org.grandjour.territory.Territory;
import org.grandjour.territory.TerritoryView;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ResidentService {
    @Inject
    EditionService editions;

    /** The caller's profile; eligibility is decided by the postcode rules of the edition's territories. */
    public MeView me(Resident resident, Long editionId) {
        Edition edition = editions.getOrCurrent(editionId).orElse(null);
        Territory participating = edition == null ? null : edition.territoryOf(resident.postcode());
        Territory home = participating != null ? participating
                : Territory.<Territory>streamAll().filter(t -> t.covers(resident.postcode())).findFirst().orElse(null);
        return new MeView(resident.username(), resident.name(), resident.roles(),
                Territory.normalisePostcode(resident.postcode()),
                home == null ? null : TerritoryView.of(home),
                participating != null,
                edition == null ? null : edition.id);
    }
}
