package org.grandjour.edition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Which edition the public site shows by default; plain unit test of the rule. */
class CurrentEditionTest {
    static final Instant NOW = Instant.parse("2026-03-20T10:00:00Z");

    static Edition edition(String slug, String opens, String closes, String lastDay) {
        Edition e = new Edition();
        e.slug = slug;
        e.claimOpensAt = Instant.parse(opens);
        e.claimClosesAt = Instant.parse(closes);
        e.lastDay = LocalDate.parse(lastDay);
        return e;
    }

    Edition past = edition("past", "2010-03-01T00:00:00Z", "2010-03-27T00:00:00Z", "2010-03-28");
    Edition recent = edition("recent", "2025-03-01T00:00:00Z", "2025-03-27T00:00:00Z", "2025-03-28");
    Edition open = edition("open", "2026-03-13T00:00:00Z", "2026-03-22T00:00:00Z", "2026-03-22");
    Edition soon = edition("soon", "2026-04-01T00:00:00Z", "2026-04-10T00:00:00Z", "2026-04-11");
    Edition later = edition("later", "2026-06-01T00:00:00Z", "2026-06-10T00:00:00Z", "2026-06-11");

    @Test
    void anEditionOpenForClaimsComesFirst() {
        assertThat(EditionService.current(List.of(past, later, open, soon), NOW)).contains(open);
    }

    @Test
    void elseTheNextToOpen() {
        assertThat(EditionService.current(List.of(past, later, soon), NOW)).contains(soon);
    }

    @Test
    void elseTheMostRecent() {
        assertThat(EditionService.current(List.of(past, recent), NOW)).contains(recent);
        assertThat(EditionService.current(List.of(), NOW)).isEmpty();
    }

    @Test
    void theWindowClosesAtItsEndInstant() {
        assertThat(open.claimOpenAt(Instant.parse("2026-03-13T00:00:00Z"))).isTrue();
        assertThat(open.claimOpenAt(Instant.parse("2026-03-22T00:00:00Z"))).isFalse();
    }
}
