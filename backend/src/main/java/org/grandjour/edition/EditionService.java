package org.grandjour.edition;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.grandjour.common.ProblemException;
import org.grandjour.territory.TerritoryView;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EditionService {
    @Inject
    Clock clock;

    public List<EditionView> list() {
        List<Edition> editions = Edition.list("select distinct e from Edition e left join fetch e.territories order by e.firstDay desc");
        Instant now = clock.instant();
        Long currentId = current(editions, now).map(e -> e.id).orElse(null);
        return editions.stream().map(e -> view(e, now, e.id.equals(currentId))).toList();
    }

    public Edition get(long id) {
        Edition edition = Edition.findById(id);
        if (edition == null) {
            throw ProblemException.notFound("Edition", id);
        }
        return edition;
    }

    /** The edition given, or else the current one; empty when there are no editions at all. */
    public Optional<Edition> getOrCurrent(Long id) {
        if (id != null) {
            return Optional.of(get(id));
        }
        return current(Edition.listAll(), clock.instant());
    }

    /**
     * The edition residents care about now: the one open for claims (closing first), else the next
     * to open, else the most recent.
     */
    static Optional<Edition> current(List<Edition> editions, Instant now) {
        Optional<Edition> open = editions.stream().filter(e -> e.claimOpenAt(now))
                .min(Comparator.comparing(e -> e.claimClosesAt));
        if (open.isPresent()) {
            return open;
        }
        Optional<Edition> upcoming = editions.stream().filter(e -> e.claimOpensAt.isAfter(now))
                .min(Comparator.comparing(e -> e.claimOpensAt));
        if (upcoming.isPresent()) {
            return upcoming;
        }
        return editions.stream().max(Comparator.comparing(e -> e.lastDay));
    }

    public EditionView view(Edition e) {
        Instant now = clock.instant();
        return view(e, now, current(Edition.listAll(), now).map(c -> c.id.equals(e.id)).orElse(false));
    }

    /** The territory shares of an edition, by territory code. */
    @SuppressWarnings("unchecked")
    public static List<EditionView.ShareView> shares(long editionId) {
        List<Object[]> rows = Edition.getEntityManager().createNativeQuery("""
                select t.code, s.percent from edition_territory_share s join territory t on t.id = s.territory_id
                where s.edition_id = ?1 order by t.code""").setParameter(1, editionId).getResultList();
        return rows.stream().map(r -> new EditionView.ShareView((String) r[0], ((Number) r[1]).intValue())).toList();
    }

    private static EditionView view(Edition e, Instant now, boolean current) {
        return new EditionView(e.id, e.slug, e.name, e.names(), e.timeZone, e.firstDay, e.lastDay,
                e.firstDay.datesUntil(e.lastDay.plusDays(1)).toList(),
                e.claimOpensAt, e.claimClosesAt, e.claimOpenAt(now), current,
                e.maxTicketsPerResident, e.maxPartySize,
                e.territories.stream().map(TerritoryView::of).toList(),
                e.allocationMode, e.applicationOpensAt, e.applicationClosesAt, e.applicationOpenAt(now), e.drawAt, e.maxChoices,
                e.publicValueSource, e.ballotCommitment, e.ballot() ? shares(e.id) : List.of(), e.walkUpMinutes,
                e.confirmDaysBefore, e.confirmAtTime, e.overbookingRisk);
    }
}
