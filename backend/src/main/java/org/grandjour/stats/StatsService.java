package org.grandjour.stats;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.grandjour.common.Localized;
import org.grandjour.common.SqlValues;
import org.grandjour.edition.Edition;
import org.grandjour.edition.EditionService;

/** Reads the live counters (never the ticket or scan tables), so its cost does not grow with them. */
@ApplicationScoped
public class StatsService {
    @Inject
    EntityManager em;
    @Inject
    EditionService editions;
    @Inject
    Clock clock;

    public record Filter(String territory, LocalDate day) {
        static final Filter NONE = new Filter(null, null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EditionStats stats(long editionId) {
        return stats(editionId, Filter.NONE);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EditionStats stats(long editionId, Filter filter) {
        Edition edition = editions.get(editionId);
        ZoneId zone = ZoneId.of(edition.timeZone);
        LocalDate today = LocalDate.now(clock.withZone(zone));

        List<Object[]> rows = em.createNativeQuery("""
                select o.id, o.attraction_id, a.slug, a.name_fr, a.name_en, t.code, o.day, o.capacity,
                       coalesce(sum(c.booked_persons), 0), coalesce(sum(c.booked_tickets), 0),
                       coalesce(sum(c.cancelled_persons), 0), coalesce(sum(c.admitted_persons), 0), t.name_fr, t.name_en
                from offer o
                join attraction a on a.id = o.attraction_id
                join territory t on t.id = a.territory_id
                left join offer_counter c on c.offer_id = o.id
                where o.edition_id = ?1 and (cast(?2 as text) is null or t.code = ?2) and (cast(?3 as date) is null or o.day = ?3)
                group by o.id, a.id, t.id
                order by o.day, a.name_fr""")
                .setParameter(1, editionId).setParameter(2, filter.territory()).setParameter(3, filter.day()).getResultList();

        List<EditionStats.AttractionFigures> byAttraction = new ArrayList<>();
        Map<String, Localized> territoryNames = new LinkedHashMap<>();
        for (Object[] r : rows) {
            LocalDate day = SqlValues.date(r[6]);
            long booked = SqlValues.number(r[8]);
            long admitted = SqlValues.number(r[11]);
            long noShows = day.isBefore(today) ? Math.max(0, booked - admitted) : 0;
            byAttraction.add(new EditionStats.AttractionFigures(SqlValues.number(r[1]), SqlValues.number(r[0]), (String) r[2],
                    new Localized((String) r[3], (String) r[4]), (String) r[5], day,
                    Figures.of(SqlValues.number(r[7]), booked, SqlValues.number(r[9]), SqlValues.number(r[10]), admitted, noShows)));
            territoryNames.putIfAbsent((String) r[5], new Localized((String) r[12], (String) r[13]));
        }
        Figures overall = byAttraction.stream().map(EditionStats.AttractionFigures::figures).reduce(Figures.ZERO, Figures::plus);
        List<EditionStats.DayFigures> byDay = byAttraction.stream()
                .collect(Collectors.groupingBy(EditionStats.AttractionFigures::day, java.util.TreeMap::new,
                        Collectors.reducing(Figures.ZERO, EditionStats.AttractionFigures::figures, Figures::plus)))
                .entrySet().stream().map(e -> new EditionStats.DayFigures(e.getKey(), e.getValue())).toList();
        List<EditionStats.TerritoryFigures> byTerritory = byAttraction.stream()
                .collect(Collectors.groupingBy(EditionStats.AttractionFigures::territory, java.util.TreeMap::new,
                        Collectors.reducing(Figures.ZERO, EditionStats.AttractionFigures::figures, Figures::plus)))
                .entrySet().stream().map(e -> new EditionStats.TerritoryFigures(e.getKey(), territoryNames.get(e.getKey()), e.getValue()))
                .toList();

        Set<Long> attractionIds = byAttraction.stream().map(EditionStats.AttractionFigures::attractionId).collect(Collectors.toSet());
        LocalDate first = filter.day() != null ? filter.day() : edition.firstDay;
        LocalDate last = filter.day() != null ? filter.day() : edition.lastDay;
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
        List<EditionStats.Arrivals> arrivals = attractionIds.isEmpty() ? List.of() : em.createNativeQuery("""
                select attraction_id, slot_start, sum(persons) from arrival_counter
                where attraction_id in (?1) and slot_start >= ?2 and slot_start < ?3
                group by attraction_id, slot_start order by slot_start, attraction_id""")
                .setParameter(1, attractionIds).setParameter(2, from).setParameter(3, to).getResultList().stream()
                .map(o -> {
                    Object[] r = (Object[]) o;
                    Instant slot = SqlValues.instant(r[1]);
                    return new EditionStats.Arrivals(SqlValues.number(r[0]), slot.atZone(zone).toLocalDate(), slot, SqlValues.number(r[2]));
                }).toList();

        List<EditionStats.CrossBorder> crossBorder = em.createNativeQuery("""
                select rt.code, at.code, sum(oc.booked_persons), sum(oc.admitted_persons)
                from offer_origin_counter oc
                join offer o on o.id = oc.offer_id
                join territory rt on rt.id = oc.territory_id
                join attraction a on a.id = o.attraction_id
                join territory at on at.id = a.territory_id
                where o.edition_id = ?1 and (cast(?2 as text) is null or at.code = ?2) and (cast(?3 as date) is null or o.day = ?3)
                group by rt.code, at.code order by rt.code, at.code""")
                .setParameter(1, editionId).setParameter(2, filter.territory()).setParameter(3, filter.day()).getResultList().stream()
                .map(o -> {
                    Object[] r = (Object[]) o;
                    return new EditionStats.CrossBorder((String) r[0], (String) r[1], SqlValues.number(r[2]), SqlValues.number(r[3]));
                }).toList();

        List<EditionStats.VerdictCount> verdicts = attractionIds.isEmpty() ? List.of() : em.createNativeQuery("""
                select attraction_id, verdict, sum(scans), sum(conflicts) from verdict_counter
                where attraction_id in (?1) and day between ?2 and ?3
                group by attraction_id, verdict order by attraction_id, verdict""")
                .setParameter(1, attractionIds).setParameter(2, first).setParameter(3, last).getResultList().stream()
                .map(o -> {
                    Object[] r = (Object[]) o;
                    return new EditionStats.VerdictCount(SqlValues.number(r[0]), (String) r[1], SqlValues.number(r[2]), SqlValues.number(r[3]));
                }).toList();

        return new EditionStats(editionId, clock.instant(), overall, byDay, byTerritory, byAttraction, arrivals, crossBorder, verdicts);
    }
}
