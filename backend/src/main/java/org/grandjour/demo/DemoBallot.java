package org.grandjour.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.grandjour.attraction.Attraction;
import org.grandjour.attraction.Category;
import org.grandjour.ballot.BallotService;
import org.grandjour.ballot.DrawGenerator;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.territory.Territory;
import org.jboss.logging.Logger;

/**
 * The demo's ballot edition: its days two weeks ahead, its application window open from a day before
 * the start until {@code grandjour.demo.ballot-window} after it (10 minutes unless set), so that the
 * organiser sees it open, then closes nothing by hand: once the window has closed, the draw button
 * works. (Once anyone has applied the window cannot be edited: the rules residents applied under stay.)
 *
 * <p>Simulated applications, a tenth of the live edition's places per offer and day: {@value #APPLICATIONS}
 * applications for about 6 times the places in persons, and popularity skewed as in Kent 2017, where
 * the four animal parks (3% of the attractions) drew 40,000 of 184,143 applications (22%): here the
 * animal parks get {@value #ANIMAL_FIRST_CHOICES}% of the first choices, the other attractions
 * decreasing weights 1/k^0.7 in a fixed shuffled order. The simulated applicants have no mail
 * address: the draw mails only real residents who applied through the app.
 *
 * <p>Idempotent: one ballot edition per day of start ({@code ballot-<day>}); an existing one is kept
 * as it is (open, closed or drawn).
 */
@ApplicationScoped
public class DemoBallot {
    private static final Logger LOG = Logger.getLogger(DemoBallot.class);
    static final String PREFIX = "ballot-";
    static final int APPLICATIONS = 3_000;
    static final int ANIMAL_FIRST_CHOICES = 22;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String[] FIRST_NAMES = {"Camille", "Louis", "Léa", "Hugo", "Manon", "Jules", "Chloé", "Lucas", "Emma",
            "Nathan", "Olivia", "Oliver", "Amelia", "George", "Isla", "Harry", "Jade", "Arthur", "Zoé", "Noah"};
    private static final String[] LAST_NAMES = {"Martin", "Bernard", "Dubois", "Lefebvre", "Leroy", "Moreau", "Lemaire", "Delattre",
            "Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Dupont", "Vasseur", "Wright", "Carpentier", "Hall", "Dumont"};

    @Inject
    EntityManager em;
    @ConfigProperty(name = "grandjour.demo.ballot-window", defaultValue = "10M")
    Duration window;

    /** In the loader's transaction. */
    void ensure(Instant now, LocalDate today, Map<String, Territory> territories, List<Attraction> attractions,
                Map<String, DemoDataset.DemoAttraction> bySlug) {
        String slug = PREFIX + today;
        if (Edition.findBySlug(slug) != null) {
            return;
        }
        Instant start = now.truncatedTo(ChronoUnit.SECONDS);
        LocalDate first = today.plusDays(14);
        Edition e = new Edition();
        e.slug = slug;
        e.name = "Grand Jour " + first.getYear() + " · ballot demo";
        e.timeZone = PARIS.getId();
        e.firstDay = first;
        e.lastDay = first.plusDays(1);
        // claims play no part in a ballot edition; the columns still want a window
        e.claimOpensAt = start.minus(1, ChronoUnit.DAYS);
        e.claimClosesAt = e.lastDay.plusDays(1).atTime(LocalTime.MIDNIGHT).atZone(PARIS).toInstant();
        e.maxTicketsPerResident = 4;
        e.maxPartySize = 6;
        e.allocationMode = Edition.BALLOT;
        e.applicationOpensAt = start.minus(1, ChronoUnit.DAYS);
        e.applicationClosesAt = start.plus(window);
        e.drawAt = e.applicationClosesAt;
        e.maxChoices = 5;
        e.publicValueSource = "Any text the organiser types at the draw (a real edition names a lottery draw in advance)";
        byte[] seed = new byte[32];
        new java.security.SecureRandom().nextBytes(seed);
        e.ballotSeed = seed;
        e.ballotCommitment = DrawGenerator.commitment(seed);
        territories.values().forEach(e.territories::add);
        e.persist();

        List<Offer> offers = new ArrayList<>();
        for (Attraction a : attractions) {
            int perDay = bySlug.get(a.slug).capacityLivePerDay() / 10;
            for (LocalDate day = e.firstDay; perDay > 0 && !day.isAfter(e.lastDay); day = day.plusDays(1)) {
                Offer o = new Offer();
                o.edition = e;
                o.attraction = a;
                o.day = day;
                o.capacity = perDay;
                o.persist();
                offers.add(o);
            }
        }
        em.flush();
        applications(e, offers, territories);
        LOG.infof("Demo: created %s, %d simulated applications, window open until %s", e.name, APPLICATIONS, e.applicationClosesAt);
    }

    /**
     * The simulated applications, deterministic (a fixed seed: the same demo every time; the draw's own
     * randomness is the edition's secret seed), in two statements from arrays.
     */
    private void applications(Edition e, List<Offer> offers, Map<String, Territory> territories) {
        Random random = new Random(2017);
        List<Offer> animals = offers.stream().filter(o -> o.attraction.category == Category.ANIMALS).toList();
        List<Offer> others = new ArrayList<>(offers.stream().filter(o -> o.attraction.category != Category.ANIMALS).toList());
        java.util.Collections.shuffle(others, random);
        double[] cumulative = new double[others.size()];
        double sum = 0;
        for (int k = 0; k < others.size(); k++) {
            sum += 1 / Math.pow(k + 1, 0.7);
            cumulative[k] = sum;
        }
        String[] codes = {"FR-62", "FR-62", "FR-62", "FR-62", "FR-62", "FR-59", "FR-59", "FR-59", "GB-KEN", "GB-KEN"};
        int n = APPLICATIONS;
        String[] subjects = new String[n];
        String[] usernames = new String[n];
        String[] names = new String[n];
        String[] firstNames = new String[n];
        String[] postcodes = new String[n];
        Long[] territoryIds = new Long[n];
        String[] languages = new String[n];
        Integer[] parties = new Integer[n];
        Boolean[] anyOther = new Boolean[n];
        String[] drawIds = new String[n];
        List<Integer> choiceOf = new ArrayList<>();
        List<Integer> choiceRank = new ArrayList<>();
        List<Long> choiceOffer = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String code = codes[random.nextInt(codes.length)];
            String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
            String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
            subjects[i] = "demo-ballot-" + e.id + "-" + i;
            usernames[i] = "applicant" + i;
            firstNames[i] = first;
            names[i] = first + " " + last;
            postcodes[i] = switch (code) {
                case "FR-62" -> "62" + String.format("%03d", 100 + random.nextInt(900));
                case "FR-59" -> "59" + String.format("%03d", 100 + random.nextInt(900));
                default -> new String[] {"CT1 2EH", "ME4 4TZ", "TN1 1AA", "DA1 1DX"}[random.nextInt(4)];
            };
            territoryIds[i] = territories.get(code).id;
            languages[i] = code.startsWith("FR") ? "fr" : "en";
            // parties of 1 to 6, mostly 2 to 4 (families)
            parties[i] = new int[] {1, 2, 2, 2, 3, 3, 4, 4, 4, 5, 6}[random.nextInt(11)];
            anyOther[i] = random.nextInt(3) == 0;
            drawIds[i] = BallotService.newDrawId();
            int wanted = 1 + random.nextInt(5);
            List<Offer> chosen = new ArrayList<>();
            for (int tries = 0; chosen.size() < wanted && tries < 50; tries++) {
                Offer o = random.nextInt(100) < ANIMAL_FIRST_CHOICES && !animals.isEmpty()
                        ? animals.get(random.nextInt(animals.size()))
                        : others.get(pick(cumulative, random.nextDouble() * sum));
                if (!chosen.contains(o)) {
                    chosen.add(o);
                }
            }
            for (int r = 0; r < chosen.size(); r++) {
                choiceOf.add(i);
                choiceRank.add(r + 1);
                choiceOffer.add(chosen.get(r).id);
            }
        }
        // a few applicants twice under the same name and postcode: something for the duplicates review
        for (int i = 0; i < 4; i++) {
            int twin = n - 1 - i;
            names[twin] = names[i];
            firstNames[twin] = firstNames[i];
            postcodes[twin] = postcodes[i];
            territoryIds[twin] = territoryIds[i];
            languages[twin] = languages[i];
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                insert into ballot_application (edition_id, holder_subject, holder_username, holder_name, holder_first_name,
                                                holder_postcode, holder_territory_id, holder_language, party_size, any_other_same_day, draw_id)
                select ?1, u.subject, u.username, u.name, u.first_name, u.postcode, u.territory, u.language, u.party, u.any_other, u.draw_id
                from unnest(cast(?2 as text[]), cast(?3 as text[]), cast(?4 as text[]), cast(?5 as text[]), cast(?6 as text[]),
                            cast(?7 as bigint[]), cast(?8 as text[]), cast(?9 as int[]), cast(?10 as boolean[]), cast(?11 as text[]))
                     with ordinality u(subject, username, name, first_name, postcode, territory, language, party, any_other, draw_id, i)
                order by u.i
                returning id""")
                .setParameter(1, e.id).setParameter(2, subjects).setParameter(3, usernames).setParameter(4, names)
                .setParameter(5, firstNames).setParameter(6, postcodes).setParameter(7, territoryIds).setParameter(8, languages)
                .setParameter(9, parties).setParameter(10, anyOther).setParameter(11, drawIds).getResultList();
        // ids come back in insertion order (one statement, ordered input); map them by subject to be sure
        @SuppressWarnings("unchecked")
        List<Object[]> bySubject = em.createNativeQuery("select holder_subject, id from ballot_application where edition_id = ?1")
                .setParameter(1, e.id).getResultList();
        Map<String, Long> idOf = new java.util.HashMap<>();
        bySubject.forEach(r -> idOf.put((String) r[0], ((Number) r[1]).longValue()));
        if (ids.size() != n) {
            throw new IllegalStateException("demo ballot: " + ids.size() + " applications written of " + n);
        }
        em.createNativeQuery("""
                insert into ballot_choice (application_id, edition_id, rank, offer_id)
                select u.application, ?1, u.rank, u.offer from unnest(cast(?2 as bigint[]), cast(?3 as int[]), cast(?4 as bigint[])) u(application, rank, offer)""")
                .setParameter(1, e.id).setParameter(2, choiceOf.stream().map(i -> idOf.get(subjects[i])).toArray(Long[]::new))
                .setParameter(3, choiceRank.toArray(Integer[]::new)).setParameter(4, choiceOffer.toArray(Long[]::new)).executeUpdate();
    }

    /** The first index whose cumulative weight reaches {@code x}. */
    private static int pick(double[] cumulative, double x) {
        int i = java.util.Arrays.binarySearch(cumulative, x);
        return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
    }
}
