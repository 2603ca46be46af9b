package org.grandjour.demo;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.grandjour.attraction.Attraction;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.staff.StaffAssignment;
import org.grandjour.territory.Territory;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;

/**
 * Loads the demo data when the run command asks for it (grandjour.demo.enabled): the historical
 * 2010 weekend, a live edition whose days are today and tomorrow, and a ballot edition whose
 * application window is open at startup ({@link DemoBallot}). Idempotent: existing rows are kept, a
 * live edition from an earlier day is kept as history if it has tickets.
 */
@ApplicationScoped
public class DemoDataLoader {
    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);
    static final String EDITION_2010 = "grand-jour-2010";
    /** The same weekend with waiting lists, reminders, releases and overbooking ({@link Replay2010WithTools}). */
    static final String EDITION_2010_WITH_TOOLS = "grand-jour-2010-with-tools";
    static final String LIVE_PREFIX = "live-";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** The demo door-staff account scans at these attractions. */
    private static final List<String> STAFF_ATTRACTIONS = List.of("louvre-lens", "base-11-19", "nausicaa");

    @Inject
    Clock clock;
    @Inject
    ObjectMapper mapper;
    @ConfigProperty(name = "grandjour.demo.enabled")
    boolean enabled;
    @ConfigProperty(name = "grandjour.demo.simulate-2010")
    boolean simulate2010;
    @Inject
    Simulation2010 simulation;
    @Inject
    DemoBallot ballot;
    @Inject
    Replay2010WithTools replayWithTools;
    @Inject
    DemoReplays replays;
    @ConfigProperty(name = "grandjour.demo.demand-factor")
    double demandFactor;
    @ConfigProperty(name = "grandjour.demo.release-share")
    double releaseShare;

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            if (simulate2010) {
                // a replay cut short by a stop is thrown away (load() creates its edition again); the twin's
                // overbooking comes from the 2010 replay's no-shows, so a 2010 replayed again means a twin replayed again
                if (replays.discardInterrupted(EDITION_2010)) {
                    replays.discard(EDITION_2010_WITH_TOOLS);
                } else {
                    replays.discardInterrupted(EDITION_2010_WITH_TOOLS);
                }
            }
            load();
            if (simulate2010) {
                Edition historic = replays.toReplay(EDITION_2010);
                if (historic != null) {
                    simulation.run(historic);
                    replays.markDone(historic.id);
                }
                // then the same weekend with Grand Jour's tools, its overbooking computed from the replay's no-shows
                Edition twin = replays.toReplay(EDITION_2010_WITH_TOOLS);
                if (twin != null) {
                    replayWithTools.run(twin, demandFactor, releaseShare);
                    replays.markDone(twin.id);
                }
            }
        }
    }

    @Transactional
    public void load() {
        DemoDataset data = read();
        // the rows already there, in one query each (not one per row: this runs at every start)
        Map<String, Territory> existingTerritories = Territory.<Territory>listAll().stream()
                .collect(Collectors.toMap(t -> t.code, Function.identity()));
        Map<String, Attraction> existingAttractions = Attraction.<Attraction>listAll().stream()
                .collect(Collectors.toMap(a -> a.slug, Function.identity()));
        Map<String, Territory> territories = data.territories().stream()
                .map(t -> upsertTerritory(t, existingTerritories.get(t.code())))
                .collect(Collectors.toMap(t -> t.code, Function.identity()));
        List<Attraction> attractions = data.attractions().stream()
                .map(a -> upsertAttraction(a, existingAttractions.get(a.slug()), territories.get(a.territory()))).toList();
        Map<String, DemoDataset.DemoAttraction> bySlug = data.attractions().stream()
                .collect(Collectors.toMap(DemoDataset.DemoAttraction::slug, Function.identity()));

        if (Edition.findBySlug(EDITION_2010) == null) {
            Edition e = edition(EDITION_2010, "Grand Jour 2010", LocalDate.of(2010, 3, 27), LocalDate.of(2010, 3, 28),
                    LocalDate.of(2010, 3, 1).atTime(9, 0), territories.values());
            attractions.forEach(a -> offers(e, a, bySlug.get(a.slug).capacity2010PerDay()));
            LOG.infof("Demo: created %s", e.name);
        }
        if (Edition.findBySlug(EDITION_2010_WITH_TOOLS) == null) {
            // a week after the first: the replay of 2010 is its comparable history
            Edition e = edition(EDITION_2010_WITH_TOOLS, "Grand Jour 2010 · avec les outils de Grand Jour", LocalDate.of(2010, 4, 3),
                    LocalDate.of(2010, 4, 4), LocalDate.of(2010, 3, 8).atTime(9, 0), territories.values());
            e.nameEn = "Grand Jour 2010 · with Grand Jour's tools";
            e.overbookingRisk = java.math.BigDecimal.ONE;
            attractions.forEach(a -> offers(e, a, bySlug.get(a.slug).capacity2010PerDay()));
            LOG.infof("Demo: created %s", e.name);
        }

        LocalDate today = LocalDate.now(clock.withZone(PARIS));
        String liveSlug = LIVE_PREFIX + today;
        if (Edition.findBySlug(liveSlug) == null) {
            retireOldLiveEditions();
            Edition e = edition(liveSlug, "Grand Jour " + today.getYear() + " · live demo", today, today.plusDays(1),
                    today.minusDays(7).atStartOfDay(), territories.values());
            attractions.forEach(a -> offers(e, a, bySlug.get(a.slug).capacityLivePerDay()));
            LOG.infof("Demo: created %s (%s and %s)", e.name, e.firstDay, e.lastDay);
        }

        ballot.ensure(clock.instant(), today, territories, attractions, bySlug);

        for (String slug : STAFF_ATTRACTIONS) {
            Attraction a = attractions.stream().filter(x -> x.slug.equals(slug)).findFirst().orElse(existingAttractions.get(slug));
            if (a != null && StaffAssignment.findById(new StaffAssignment.Key("staff", a.id)) == null) {
                StaffAssignment.of("staff", a.id).persist();
            }
        }
    }

    DemoDataset read() {
        try (InputStream in = getClass().getResourceAsStream("/demo/attractions.json")) {
            return mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(in, DemoDataset.class);
        } catch (IOException e) {
            throw new IllegalStateException("demo/attractions.json is unreadable", e);
        }
    }

    private Territory upsertTerritory(DemoDataset.DemoTerritory d, Territory existing) {
        Territory t = existing;
        if (t == null) {
            t = new Territory();
            t.code = d.code();
        }
        t.nameFr = d.nameFr();
        t.nameEn = d.nameEn();
        t.country = d.country();
        t.language = d.language();
        t.timeZone = d.timeZone();
        t.postcodePattern = d.postcodePattern();
        t.persist();
        return t;
    }

    private Attraction upsertAttraction(DemoDataset.DemoAttraction d, Attraction existing, Territory territory) {
        Attraction a = existing;
        if (a == null) {
            a = new Attraction();
            a.slug = d.slug();
        }
        a.territory = territory;
        a.category = d.category();
        a.nameFr = d.nameFr();
        a.nameEn = d.nameEn();
        a.descriptionFr = d.descriptionFr();
        a.descriptionEn = d.descriptionEn();
        a.address = d.address();
        a.town = d.town();
        a.postcode = d.postcode();
        a.accessibilityFr = d.accessibilityFr();
        a.accessibilityEn = d.accessibilityEn();
        a.persist();
        return a;
    }

    /** Claims open at {@code opens} (Paris time) and close when the last day ends. */
    private Edition edition(String slug, String name, LocalDate first, LocalDate last, LocalDateTime opens,
                            Iterable<Territory> territories) {
        Edition e = new Edition();
        e.slug = slug;
        e.name = name;
        e.timeZone = PARIS.getId();
        e.firstDay = first;
        e.lastDay = last;
        e.claimOpensAt = opens.atZone(PARIS).toInstant();
        e.claimClosesAt = last.plusDays(1).atTime(LocalTime.MIDNIGHT).atZone(PARIS).toInstant();
        e.maxTicketsPerResident = 4;
        e.maxPartySize = 6;
        territories.forEach(e.territories::add);
        e.persist();
        return e;
    }

    private void offers(Edition e, Attraction a, int perDay) {
        if (perDay <= 0) {
            return;
        }
        for (LocalDate day = e.firstDay; !day.isAfter(e.lastDay); day = day.plusDays(1)) {
            Offer o = new Offer();
            o.edition = e;
            o.attraction = a;
            o.day = day;
            o.capacity = perDay;
            o.persist();
        }
    }

    /** Live editions of earlier days stay as history when they have tickets; empty ones go. */
    private void retireOldLiveEditions() {
        List<Edition> old = Edition.list("slug like ?1", LIVE_PREFIX + "%");
        for (Edition e : old) {
            long tickets = Edition.getEntityManager()
                    .createQuery("select count(t) from Ticket t where t.edition = :e", Long.class)
                    .setParameter("e", e).getSingleResult();
            if (tickets == 0) {
                Offer.delete("edition", e);
                e.delete();
            }
        }
    }
}
