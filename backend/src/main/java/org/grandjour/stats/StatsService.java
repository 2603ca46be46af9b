package org.grandjour.stats;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
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

    /** One offer with its counters summed over their shards. */
    record OfferRow(long offerId, long attractionId, String slug, Localized name, String territory, Localized territoryName,
                    LocalDate day, long offered, long booked, long tickets, long cancelled, long admitted, long doorFullScans) {

        EditionStats.AttractionFigures figures(LocalDate today) {
            long noShows = day.isBefore(today) ? Math.max(0, booked - admitted) : 0;
            return new EditionStats.AttractionFigures(attractionId, offerId, slug, name, territory, day,
                    Figures.of(offered, booked, tickets, cancelled, admitted, noShows, doorFullScans));
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EditionStats stats(long editionId) {
        return stats(editionId, Filter.NONE);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EditionStats stats(long editionId, Filter filter) {
        Edition edition = editions.get(editionId);
        ZoneId zone = edition.zone();
        LocalDate today = edition.dayOf(clock.instant());
        LocalDate first = filter.day() != null ? filter.day() : edition.firstDay;
        LocalDate last = filter.day() != null ? filter.day() : edition.lastDay;

        List<OfferRow> offers = offers(editionId, filter);
        List<EditionStats.AttractionFigures> byAttraction = offers.stream().map(o -> o.figures(today)).toList();
        Map<String, Localized> territoryNames = new LinkedHashMap<>();
        offers.forEach(o -> territoryNames.putIfAbsent(o.territory(), o.territoryName()));
        Set<Long> attractionIds = offers.stream().map(OfferRow::attractionId).collect(Collectors.toSet());

        return new EditionStats(editionId, clock.instant(),
                byAttraction.stream().map(EditionStats.AttractionFigures::figures).reduce(Figures.ZERO, Figures::plus),
                sumBy(byAttraction, EditionStats.AttractionFigures::day).entrySet().stream()
                        .map(e -> new EditionStats.DayFigures(e.getKey(), e.getValue())).toList(),
                sumBy(byAttraction, EditionStats.AttractionFigures::territory).entrySet().stream()
                        .map(e -> new EditionStats.TerritoryFigures(e.getKey(), territoryNames.get(e.getKey()), e.getValue())).toList(),
                byAttraction,
                arrivals(attractionIds, edition.startOf(first), edition.startOf(last.plusDays(1)), zone),
                crossBorder(editionId, filter),
                verdicts(attractionIds, first, last),
                waitlists(offers.stream().map(OfferRow::offerId).toList()),
                overbooking(offers.stream().collect(Collectors.toMap(OfferRow::offerId, OfferRow::booked))));
    }

    /**
     * The overbooking model's inputs and result per offer, as last computed (overbooking/OverbookingService);
     * the expected no-shows from the persons booked that the offers' figures already hold.
     */
    List<EditionStats.OverbookingFigures> overbooking(Map<Long, Long> bookedByOffer) {
        Collection<Long> offerIds = bookedByOffer.keySet();
        if (offerIds.isEmpty()) {
            return List.of();
        }
        return rows("""
                select o.id as offer_id, o.overbooking_mode as mode,
                       case o.overbooking_mode when 'OFF' then null when 'CUSTOM' then o.overbooking_risk else e.overbooking_risk end as risk,
                       o.overbooking_history_parties as parties, 1 - o.overbooking_show_rate as no_show,
                       o.overbooking_dispersion as dispersion, o.overbooking_certain_persons as certain, o.overbooking_allowance as allowance, o.overbooking_overflow_risk as overflow
                from offer o join edition e on e.id = o.edition_id
                where o.id in (?1) order by o.id""", offerIds)
                .map(r -> new EditionStats.OverbookingFigures(number(r, "offer_id"), text(r, "mode"), decimal(r, "risk"),
                        r.get("parties") == null ? null : ((Number) r.get("parties")).intValue(), decimal(r, "no_show"),
                        decimal(r, "dispersion"), (int) number(r, "certain"), (int) number(r, "allowance"), decimal(r, "overflow"),
                        r.get("no_show") == null ? null
                                : Math.round(((Number) r.get("no_show")).doubleValue() * bookedByOffer.get(number(r, "offer_id")))))
                .toList();
    }

    private static Integer integer(Tuple row, String column) {
        Object v = row.get(column);
        return v == null ? null : ((Number) v).intValue();
    }

    private static Double decimal(Tuple row, String column) {
        Object v = row.get(column);
        return v == null ? null : ((Number) v).doubleValue();
    }

    /** Waiting lists, releases, refills and confirmations of these offers, from their rows. */
    List<EditionStats.WaitlistFigures> waitlists(Collection<Long> offerIds) {
        if (offerIds.isEmpty()) {
            return List.of();
        }
        return rows("""
                select o.id as offer_id,
                       min(waiting.parties) as waiting_parties, min(waiting.persons) as waiting_persons,
                       min(refill.persons) as refilled_persons,
                       coalesce(sum(t.party_size) filter (where t.released_via is not null), 0) as released_persons,
                       count(t.id) filter (where t.status = 'ACTIVE' and t.confirmed_at is not null) as confirmed,
                       count(t.id) filter (where t.status = 'ACTIVE' and t.confirmed_at is null) as unconfirmed,
                       coalesce(sum(t.party_size) filter (where t.walk_up), 0) as walk_up_persons,
                       min(refill.median) as refill_median, min(refill.longest) as refill_max
                from offer o
                cross join lateral (select coalesce(sum(w.party_size), 0) as persons,
                                           percentile_disc(0.5) within group (order by w.refill_ms) as median, max(w.refill_ms) as longest
                                    from waitlist_entry w where w.offer_id = o.id and w.status = 'SERVED') refill
                left join ballot_waitlist_pending p on p.offer_id = o.id
                -- parties and persons waiting, in one pass: the written list, or a drawn ballot's list not written yet
                -- (V26), which waits whole: its losers that chose the offer
                cross join lateral (select count(*) as parties, coalesce(sum(x.party_size), 0) as persons from (
                                        select w.party_size from waitlist_entry w
                                        where p.offer_id is null and w.offer_id = o.id and w.status = 'WAITING'
                                        union all
                                        select a.party_size from ballot_choice c
                                        join ballot_outcome b on b.application_id = c.application_id and b.won_offer_id is null
                                        join ballot_application a on a.id = c.application_id
                                        where p.offer_id is not null and c.offer_id = o.id) x) waiting
                left join ticket t on t.offer_id = o.id
                where o.id in (?1)
                group by o.id, p.offer_id order by o.id""", offerIds)
                .map(r -> new EditionStats.WaitlistFigures(number(r, "offer_id"), number(r, "waiting_parties"),
                        number(r, "waiting_persons"), number(r, "released_persons"), number(r, "refilled_persons"),
                        number(r, "confirmed"), number(r, "unconfirmed"), number(r, "walk_up_persons"),
                        integer(r, "refill_median"), integer(r, "refill_max")))
                .toList();
    }

    private static <K extends Comparable<? super K>> Map<K, Figures> sumBy(List<EditionStats.AttractionFigures> rows,
                                                                   Function<EditionStats.AttractionFigures, K> key) {
        return rows.stream().collect(Collectors.groupingBy(key, TreeMap::new,
                Collectors.reducing(Figures.ZERO, EditionStats.AttractionFigures::figures, Figures::plus)));
    }

    List<OfferRow> offers(long editionId, Filter filter) {
        return rows("""
                select o.id as offer_id, o.attraction_id, a.slug, a.name_fr, a.name_en, t.code as territory,
                       t.name_fr as territory_fr, t.name_en as territory_en, o.day, o.capacity,
                       coalesce(sum(c.booked_persons), 0) as booked, coalesce(sum(c.booked_tickets), 0) as tickets,
                       coalesce(sum(c.cancelled_persons), 0) as cancelled, coalesce(sum(c.admitted_persons), 0) as admitted,
                       coalesce(sum(c.door_full_scans), 0) as door_full
                from offer o
                join attraction a on a.id = o.attraction_id
                join territory t on t.id = a.territory_id
                left join offer_counter c on c.offer_id = o.id
                where o.edition_id = ?1 and (cast(?2 as text) is null or t.code = ?2) and (cast(?3 as date) is null or o.day = ?3)
                group by o.id, a.id, t.id
                order by o.day, a.name_fr""", editionId, filter.territory(), filter.day())
                .map(r -> new OfferRow(number(r, "offer_id"), number(r, "attraction_id"), text(r, "slug"),
                        new Localized(text(r, "name_fr"), text(r, "name_en")), text(r, "territory"),
                        new Localized(text(r, "territory_fr"), text(r, "territory_en")), SqlValues.date(r.get("day")),
                        number(r, "capacity"), number(r, "booked"), number(r, "tickets"), number(r, "cancelled"), number(r, "admitted"),
                        number(r, "door_full")))
                .toList();
    }

    /** Persons admitted per attraction and quarter of an hour, between two instants. */
    List<EditionStats.Arrivals> arrivals(Collection<Long> attractionIds, Instant from, Instant to, ZoneId zone) {
        if (attractionIds.isEmpty()) {
            return List.of();
        }
        return rows("""
                select attraction_id, slot_start, sum(persons) as persons from arrival_counter
                where attraction_id in (?1) and slot_start >= ?2 and slot_start < ?3
                group by attraction_id, slot_start order by slot_start, attraction_id""", attractionIds, from, to)
                .map(r -> {
                    Instant slot = SqlValues.instant(r.get("slot_start"));
                    return new EditionStats.Arrivals(number(r, "attraction_id"), slot.atZone(zone).toLocalDate(), slot, number(r, "persons"));
                }).toList();
    }

    /** Persons booked and admitted by residents' territory against the attraction's. */
    List<EditionStats.CrossBorder> crossBorder(long editionId, Filter filter) {
        return rows("""
                select rt.code as resident_territory, at.code as attraction_territory,
                       sum(oc.booked_persons) as booked, sum(oc.admitted_persons) as admitted
                from offer_origin_counter oc
                join offer o on o.id = oc.offer_id
                join territory rt on rt.id = oc.territory_id
                join attraction a on a.id = o.attraction_id
                join territory at on at.id = a.territory_id
                where o.edition_id = ?1 and (cast(?2 as text) is null or at.code = ?2) and (cast(?3 as date) is null or o.day = ?3)
                group by rt.code, at.code order by rt.code, at.code""", editionId, filter.territory(), filter.day())
                .map(r -> new EditionStats.CrossBorder(text(r, "resident_territory"), text(r, "attraction_territory"),
                        number(r, "booked"), number(r, "admitted")))
                .toList();
    }

    /** Scans per attraction and verdict over a span of days. */
    List<EditionStats.VerdictCount> verdicts(Collection<Long> attractionIds, LocalDate first, LocalDate last) {
        if (attractionIds.isEmpty()) {
            return List.of();
        }
        return rows("""
                select attraction_id, verdict, sum(scans) as scans, sum(conflicts) as conflicts from verdict_counter
                where attraction_id in (?1) and day between ?2 and ?3
                group by attraction_id, verdict order by attraction_id, verdict""", attractionIds, first, last)
                .map(r -> new EditionStats.VerdictCount(number(r, "attraction_id"), text(r, "verdict"), number(r, "scans"),
                        number(r, "conflicts")))
                .toList();
    }

    /** The rows of a native query, their columns read by name. */
    private Stream<Tuple> rows(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql, Tuple.class);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return rows.stream();
    }

    private static long number(Tuple row, String column) {
        return SqlValues.number(row.get(column));
    }

    private static String text(Tuple row, String column) {
        return (String) row.get(column);
    }
}
