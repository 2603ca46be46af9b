package org.grandjour.edition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The one rule for "the ticket's day": days begin at midnight in the edition's zone (in memory, no database). */
class EditionDayTest {
    static Edition in(String zone) {
        Edition e = new Edition();
        e.timeZone = zone;
        return e;
    }

    @Test
    void aDayRunsFromMidnightToMidnightInTheEditionsZone() {
        Edition paris = in("Europe/Paris");
        LocalDate day = LocalDate.of(2026, 7, 14);
        Instant begins = Instant.parse("2026-07-13T22:00:00Z"); // CEST, UTC+2
        assertThat(paris.startOf(day)).isEqualTo(begins);
        assertThat(paris.dayOf(begins)).isEqualTo(day);
        assertThat(paris.dayOf(begins.minusNanos(1000))).isEqualTo(day.minusDays(1));
        assertThat(paris.dayOf(paris.startOf(day.plusDays(1)).minusNanos(1000))).isEqualTo(day);
        assertThat(in("Europe/London").dayOf(begins)).isEqualTo(day.minusDays(1));
    }

    @Test
    void daysWhenTheClocksChangeAreShorterOrLonger() {
        Edition paris = in("Europe/Paris");
        LocalDate spring = LocalDate.of(2026, 3, 29);
        LocalDate autumn = LocalDate.of(2026, 10, 25);
        assertThat(java.time.Duration.between(paris.startOf(spring), paris.startOf(spring.plusDays(1))).toHours()).isEqualTo(23);
        assertThat(java.time.Duration.between(paris.startOf(autumn), paris.startOf(autumn.plusDays(1))).toHours()).isEqualTo(25);
    }
}
