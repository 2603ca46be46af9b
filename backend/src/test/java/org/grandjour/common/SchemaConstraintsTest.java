package org.grandjour.common;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.inject.Inject;

import org.grandjour.attraction.Category;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** The database itself refuses oversold offers, over-admitted parties and duplicate codes. */
@QuarkusTest
class SchemaConstraintsTest {
    @Inject
    TestData data;
    @Inject
    AgroalDataSource db;

    Offer offer;
    Edition edition;

    @BeforeEach
    void setUp() {
        LocalDate day = LocalDate.now().plusDays(60);
        edition = data.edition(day, day, Instant.now(), Instant.now().plusSeconds(3600), TestData.PAS_DE_CALAIS);
        offer = data.offer(edition, data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM), day, 10);
    }

    void sql(String statement) throws SQLException {
        try (Connection c = db.getConnection(); var s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void aQuotaSliceNeverGoesBelowZero() throws SQLException {
        sql("update offer_quota set remaining = 0 where offer_id = " + offer.id);
        assertThatThrownBy(() -> sql("update offer_quota set remaining = remaining - 1 where offer_id = " + offer.id))
                .hasMessageContaining("offer_quota_not_negative");
        assertThatThrownBy(() -> sql("update offer set capacity = -1 where id = " + offer.id))
                .hasMessageContaining("offer_capacity_check");
    }

    @Test
    void aNewOfferHasItsWholeCapacityInQuotaSlices() throws SQLException {
        LocalDate day = LocalDate.now().plusDays(61);
        Offer big = data.offer(edition, data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM), day, 1001);
        try (Connection c = db.getConnection(); var s = c.createStatement();
                var r = s.executeQuery("select count(*), sum(remaining), min(remaining), max(remaining) from offer_quota where offer_id = " + big.id)) {
            r.next();
            org.assertj.core.api.Assertions.assertThat(new int[] {r.getInt(1), r.getInt(2), r.getInt(3), r.getInt(4)})
                    .containsExactly(8, 1001, 125, 126);
        }
    }

    @Test
    void oneOfferPerAttractionAndDay() {
        assertThatThrownBy(() -> sql("insert into offer (edition_id, attraction_id, day, capacity) "
                + "select edition_id, attraction_id, day, 5 from offer where id = " + offer.id))
                .hasMessageContaining("offer_one_per_attraction_day");
    }

    @Test
    void ticketCodesAreUniqueAndAdmissionsStayWithinTheParty() throws SQLException {
        String code = TestData.unique("code");
        String insert = "insert into ticket (code, offer_id, edition_id, holder_subject, holder_username, holder_postcode, party_size) "
                + "values ('%s', " + offer.id + ", " + edition.id + ", '%s', 'u', '62300', 3)";
        sql(insert.formatted(code, "subject-a"));
        assertThatThrownBy(() -> sql(insert.formatted(code, "subject-b"))).hasMessageContaining("ticket_code_unique");
        sql("update ticket set persons_admitted = 3 where code = '" + code + "'");
        assertThatThrownBy(() -> sql("update ticket set persons_admitted = 4 where code = '" + code + "'"))
                .hasMessageContaining("ticket_admitted_within_party");
    }

    @Test
    void oneLiveTicketPerResidentAndOffer() throws SQLException {
        String insert = "insert into ticket (code, offer_id, edition_id, holder_subject, holder_username, holder_postcode, party_size, status) "
                + "values ('%s', " + offer.id + ", " + edition.id + ", 'same-resident', 'u', '62300', 1, '%s')";
        sql(insert.formatted(TestData.unique("c"), "CANCELLED"));
        sql(insert.formatted(TestData.unique("c"), "ACTIVE"));
        assertThatThrownBy(() -> sql(insert.formatted(TestData.unique("c"), "ACTIVE")))
                .hasMessageContaining("ticket_one_live_per_offer");
    }
}
