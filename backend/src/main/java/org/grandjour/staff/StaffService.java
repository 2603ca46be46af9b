package org.grandjour.staff;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.grandjour.attraction.Attraction;
import org.grandjour.attraction.AttractionView;
import org.grandjour.common.Caller;
import org.grandjour.common.ProblemException;
import org.grandjour.common.ProblemType;

/** Which doors a staff account may work at. Organisers may work at every door. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StaffService {
    public static final String ORGANISER = "organiser";

    public void assertMayScan(Caller caller, long attractionId) {
        if (Attraction.findById(attractionId) == null) {
            throw ProblemException.notFound("Attraction", attractionId);
        }
        if (caller.hasRole(ORGANISER)) {
            return;
        }
        if (StaffAssignment.findById(new StaffAssignment.Key(caller.username(), attractionId)) == null) {
            throw ProblemType.NOT_ASSIGNED.exception("You are not assigned to attraction " + attractionId
                    + ": ask an organiser to add you to its door staff.");
        }
    }

    /** The attractions this account scans for, by name. */
    public List<AttractionView> attractionsOf(Caller caller) {
        List<Attraction> attractions = caller.hasRole(ORGANISER)
                ? Attraction.list("select a from Attraction a join fetch a.territory where a.active = true order by a.nameFr")
                : Attraction.list("""
                        select a from Attraction a join fetch a.territory
                        where a.id in (select s.key.attractionId from StaffAssignment s where s.key.username = ?1)
                        order by a.nameFr""", caller.username());
        return attractions.stream().map(AttractionView::of).toList();
    }
}
