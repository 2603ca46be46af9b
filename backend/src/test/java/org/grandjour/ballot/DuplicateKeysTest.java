package org.grandjour.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the duplicates review counts as the same person: names and email aliases, normalised. */
class DuplicateKeysTest {
    @Test
    void emailAliases() {
        assertThat(BallotAdminService.normaliseEmail("Jean.Dupont+ballot@Gmail.com")).isEqualTo("jeandupont@gmail.com");
        assertThat(BallotAdminService.normaliseEmail("jeandupont@googlemail.com")).isEqualTo("jeandupont@gmail.com");
        assertThat(BallotAdminService.normaliseEmail("Jean.Dupont+x@orange.fr")).isEqualTo("jean.dupont@orange.fr");
        assertThat(BallotAdminService.normaliseEmail("not an address")).isNull();
        assertThat(BallotAdminService.normaliseEmail(null)).isNull();
    }

    @Test
    void namesIgnoreCaseAccentsPunctuationAndOrder() {
        assertThat(BallotAdminService.normaliseName("  Hélène  DE-LA Tour ")).isEqualTo(BallotAdminService.normaliseName("de la tour helene"));
        assertThat(BallotAdminService.normaliseName("Jean Dupont")).isEqualTo(BallotAdminService.normaliseName("DUPONT, Jean"));
        assertThat(BallotAdminService.normaliseName("Jean Dupont")).isNotEqualTo(BallotAdminService.normaliseName("Jeanne Dupont"));
        assertThat(BallotAdminService.normaliseName(" ")).isNull();
    }
}
