package org.grandjour.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.grandjour.attraction.Attraction;
import org.grandjour.common.ProblemException;
import org.grandjour.common.ProblemType;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.territory.Territory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each claim rule and its boundaries, in memory: no Quarkus, no database (through the API: ClaimApiRulesTest). */
class ClaimRulesTest {
    static final Instant OPENS = Instant.parse("2026-03-01T08:00:00Z");
    static final Instant CLOSES = Instant.parse("2026-03-27T22:00:00Z");
    /** The clocks go forward in Paris that night: a 23-hour day, from 23:00 UTC the day before to 22:00 UTC. */
    static final LocalDate DAY = LocalDate.of(2026, 3, 29);
    static final Instant DAY_BEGINS = Instant.parse("2026-03-28T23:00:00Z");
    static final Instant DAY_ENDS = Instant.parse("2026-03-29T22:00:00Z");
    static final Instant OPEN = OPENS.plus(1, ChronoUnit.DAYS);

    final Territory pasDeCalais = territory("Pas-de-Calais", "^62[0-9]{3}$");
    final Territory kent = territory("Kent", "^(CT|ME|TN|DA|BR)[0-9]{1,2}[A-Z]? ?[0-9][A-Z]{2}$");
    final Edition edition = edition("Europe/Paris");
    final Offer offer = offer(edition);

    static Territory territory(String name, String pattern) {
        Territory t = new Territory();
        t.nameEn = name;
        t.postcodePattern = pattern;
        return t;
    }

    Edition edition(String zone) {
        Edition e = new Edition();
        e.name = "Grand Jour 2026";
        e.timeZone = zone;
        e.firstDay = DAY;
        e.lastDay = DAY;
        e.claimOpensAt = OPENS;
        e.claimClosesAt = CLOSES;
        e.maxPartySize = 6;
        e.maxTicketsPerResident = 4;
        e.territories.add(pasDeCalais);
        e.territories.add(kent);
        return e;
    }

    static Offer offer(Edition edition) {
        Offer o = new Offer();
        o.edition = edition;
        o.day = DAY;
        o.attraction = new Attraction();
        o.attraction.nameEn = "Louvre-Lens";
        return o;
    }

    static ProblemException refusal(Runnable rule) {
        ProblemException e = catchThrowableOfType(ProblemException.class, rule::run);
        assertThat(e).as("refused").isNotNull();
        return e;
    }

    @Test
    void residentsOfAParticipatingTerritoryAreEligible() {
        assertThat(ClaimRules.territoryOf(edition, "62300")).isSameAs(pasDeCalais);
        assertThat(ClaimRules.territoryOf(edition, " 62 300 ")).isSameAs(pasDeCalais);
        assertThat(ClaimRules.territoryOf(edition, "ct1 2eh")).isSameAs(kent);
    }

    @ParameterizedTest
    @ValueSource(strings = {"75001", "59000", "6230"})
    void aPostcodeOutsideIsNotEligible(String postcode) {
        ProblemException e = refusal(() -> ClaimRules.territoryOf(edition, postcode));
        assertThat(e.type()).isEqualTo(ProblemType.NOT_ELIGIBLE);
        assertThat(e.getMessage()).isEqualTo("Free entries of Grand Jour 2026 are for residents of Pas-de-Calais, Kent; postcode "
                + postcode + " is not in these territories.");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void noPostcodeIsNotEligible(String postcode) {
        ProblemException e = refusal(() -> ClaimRules.territoryOf(edition, postcode));
        assertThat(e.type()).isEqualTo(ProblemType.NOT_ELIGIBLE);
        assertThat(e.getMessage()).contains("has no postcode");
    }

    @Test
    void theWindowIsOpenFromTheInstantItOpensUntilTheInstantItCloses() {
        ClaimRules.claimWindowOpen(edition, OPENS);
        ClaimRules.claimWindowOpen(edition, CLOSES.minusNanos(1000)); // its last microsecond

        ProblemException early = refusal(() -> ClaimRules.claimWindowOpen(edition, OPENS.minusNanos(1000)));
        assertThat(early.type()).isEqualTo(ProblemType.CLAIM_WINDOW_CLOSED);
        assertThat(early.getMessage()).isEqualTo("Claims for Grand Jour 2026 open at 2026-03-01T08:00:00Z.");
        ProblemException late = refusal(() -> ClaimRules.claimWindowOpen(edition, CLOSES));
        assertThat(late.type()).isEqualTo(ProblemType.CLAIM_WINDOW_CLOSED);
        assertThat(late.getMessage()).isEqualTo("Claims for Grand Jour 2026 closed at 2026-03-27T22:00:00Z.");
    }

    @Test
    void aDayCanBeClaimedUntilItsLastMicrosecondInTheEditionsZone() {
        assertThat(offer.startsAt()).isEqualTo(DAY_BEGINS);
        assertThat(offer.endsAt()).isEqualTo(DAY_ENDS);
        ClaimRules.dayNotOver(offer, DAY_BEGINS.plusSeconds(3600)); // begun, not over
        ClaimRules.dayNotOver(offer, DAY_ENDS.minusNanos(1000));

        ProblemException over = refusal(() -> ClaimRules.dayNotOver(offer, DAY_ENDS));
        assertThat(over.type()).isEqualTo(ProblemType.CLAIM_WINDOW_CLOSED);
        assertThat(over.getMessage()).isEqualTo("2026-03-29 is over: claims for it are closed.");
    }

    @Test
    void theDayEndsInTheEditionsZoneNotUtcNorTheServers() {
        Offer inLondon = offer(edition("Europe/London"));
        Instant londonEnd = Instant.parse("2026-03-29T23:00:00Z"); // BST from 01:00 UTC that day
        ClaimRules.dayNotOver(inLondon, londonEnd.minusNanos(1000));
        refusal(() -> ClaimRules.dayNotOver(inLondon, londonEnd));
        refusal(() -> ClaimRules.dayNotOver(offer, Instant.parse("2026-03-29T23:30:00Z"))); // still the 29th in UTC
    }

    @Test
    void aPartyIsOneToTheEditionsLargest() {
        ClaimRules.partySizeAllowed(edition, 1);
        ClaimRules.partySizeAllowed(edition, 6);

        ProblemException none = refusal(() -> ClaimRules.partySizeAllowed(edition, 0));
        assertThat(none.type()).isEqualTo(ProblemType.VALIDATION_FAILED);
        assertThat(none.errors()).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo("partySize"));
        ProblemException tooMany = refusal(() -> ClaimRules.partySizeAllowed(edition, 7));
        assertThat(tooMany.type()).isEqualTo(ProblemType.VALIDATION_FAILED);
        assertThat(tooMany.errors()).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("partySize");
            assertThat(f.message()).isEqualTo("at most 6 persons per ticket in Grand Jour 2026");
        });
    }

    @Test
    void theRulesAreCheckedInOrderAndGiveTheTerritory() {
        assertThat(ClaimRules.check(offer, "CT1 2EH", 6, OPEN)).isSameAs(kent);
        // everything wrong: eligibility first, then the window, the day, the party
        assertThat(refusal(() -> ClaimRules.check(offer, "75001", 7, DAY_ENDS)).type()).isEqualTo(ProblemType.NOT_ELIGIBLE);
        assertThat(refusal(() -> ClaimRules.check(offer, "62300", 7, CLOSES)).getMessage()).contains("closed at");
        edition.claimClosesAt = DAY_ENDS.plusSeconds(3600);
        assertThat(refusal(() -> ClaimRules.check(offer, "62300", 7, DAY_ENDS)).getMessage()).contains("is over");
        assertThat(refusal(() -> ClaimRules.check(offer, "62300", 7, OPEN)).type()).isEqualTo(ProblemType.VALIDATION_FAILED);
    }

    @Test
    void limitsDecidedByTheDatabaseAreWordedHere() {
        ProblemException perOffer = ClaimRules.alreadyHoldsTicket(offer);
        assertThat(perOffer.type()).isEqualTo(ProblemType.LIMIT_REACHED);
        assertThat(perOffer.limit()).isEqualTo("per-offer");
        assertThat(perOffer.getMessage()).startsWith("You already have a ticket for Louvre-Lens on 2026-03-29");

        ProblemException perResident = ClaimRules.tooManyTickets(edition);
        assertThat(perResident.limit()).isEqualTo("per-resident");
        assertThat(perResident.getMessage()).isEqualTo("You already hold 4 tickets for Grand Jour 2026, the most one resident may hold.");

        assertThat(ClaimRules.notEnoughPlaces(offer, 0, 2).getMessage()).isEqualTo("Louvre-Lens is fully booked on 2026-03-29.");
        assertThat(ClaimRules.notEnoughPlaces(offer, 1, 2).getMessage()).startsWith("Only 1 place left at Louvre-Lens");
        ProblemException soldOut = ClaimRules.notEnoughPlaces(offer, 3, 4);
        assertThat(soldOut.type()).isEqualTo(ProblemType.SOLD_OUT);
        assertThat(soldOut.remaining()).isEqualTo(3);
        assertThat(soldOut.getMessage()).isEqualTo("Only 3 places left at Louvre-Lens on 2026-03-29: not enough for a party of 4.");
    }
}
