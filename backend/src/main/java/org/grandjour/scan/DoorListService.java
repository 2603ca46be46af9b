package org.grandjour.scan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.grandjour.ticket.TicketSigner;
import org.grandjour.ticket.TicketStatus;

@ApplicationScoped
public class DoorListService {
    @Inject
    EntityManager em;
    @Inject
    TicketSigner signer;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public DoorList doorList(long attractionId, LocalDate day) {
        List<Object[]> rows = em.createNativeQuery("""
                select t.id, t.code, t.party_size, t.persons_admitted, t.status, t.holder_first_name
                from ticket t join offer o on o.id = t.offer_id
                where o.attraction_id = ?1 and o.day = ?2
                order by t.id""").setParameter(1, attractionId).setParameter(2, day).getResultList();
        List<DoorList.DoorTicket> tickets = rows.stream().map(r -> new DoorList.DoorTicket(((Number) r[0]).longValue(),
                (String) r[1], ((Number) r[2]).intValue(), ((Number) r[3]).intValue(), TicketStatus.valueOf((String) r[4]),
                (String) r[5])).toList();
        int admitted = tickets.stream().mapToInt(DoorList.DoorTicket::personsAdmitted).sum();
        return new DoorList(attractionId, day, timeZone(attractionId, day), clock.instant(), admitted, tickets, signer.keys());
    }

    /**
     * The zone the door's day is counted in: the edition's (see {@link org.grandjour.edition.Edition#zone()}), or,
     * when the attraction has no offer that day, its territory's, as for a scan of an unreadable code.
     */
    private String timeZone(long attractionId, LocalDate day) {
        return em.createQuery("select o.edition.timeZone from Offer o where o.attraction.id = :a and o.day = :d order by o.id",
                        String.class).setParameter("a", attractionId).setParameter("d", day).setMaxResults(1)
                .getResultStream().findFirst()
                .orElseGet(() -> em.createQuery("select a.territory.timeZone from Attraction a where a.id = :a", String.class)
                        .setParameter("a", attractionId).getSingleResult());
    }
}
