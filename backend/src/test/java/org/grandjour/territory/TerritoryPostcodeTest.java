package org.grandjour.territory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TerritoryPostcodeTest {
    static Territory territory(String pattern) {
        Territory t = new Territory();
        t.postcodePattern = pattern;
        return t;
    }

    static final Territory PAS_DE_CALAIS = territory("^62[0-9]{3}$");
    static final Territory KENT = territory("^(CT|ME|TN|DA|BR)[0-9]{1,2}[A-Z]? ?[0-9][A-Z]{2}$");

    @ParameterizedTest
    @CsvSource({"62300, true", "' 62 300 ', true", "62000, true", "59000, false", "6230, false", "623000, false",
            "'', false"})
    void pasDeCalais(String postcode, boolean covered) {
        assertThat(PAS_DE_CALAIS.covers(postcode)).isEqualTo(covered);
    }

    @ParameterizedTest
    @CsvSource({"CT1 2EH, true", "ct12eh, true", "ME4 4TZ, true", "TN1 1AA, true", "DA1 1AA, true", "BR1 1AA, true",
            "B1 1AA, false", "75001, false", "SW1A 1AA, false"})
    void kent(String postcode, boolean covered) {
        assertThat(KENT.covers(postcode)).isEqualTo(covered);
    }

    @ParameterizedTest
    @CsvSource({"' ct1   2eh ', CT1 2EH", "62300, 62300"})
    void postcodesAreNormalised(String raw, String normalised) {
        assertThat(Territory.normalisePostcode(raw)).isEqualTo(normalised);
    }
}
