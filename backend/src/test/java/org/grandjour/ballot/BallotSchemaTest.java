package org.grandjour.ballot;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.grandjour.territory.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** The ballot's tables (V9) refuse what the rules forbid, whatever code writes them. */
@QuarkusTest
class BallotSchemaTest {
    @Inject
    TestData data;
    @Inject
    AgroalDataSource db;

    Edition edition;
    Offer offer;
    Offer otherEditionsOffer;
    Territory pasDeCalais;
    Territory nord;

    @BeforeEach
    void setUp() {
        LocalDate day = LocalDate.now().plusDays(90);
        edition = data.edition(day, day, Instant.now(), Instant.now().plusSeconds(3600), TestData.PAS_DE_CALAIS, TestData.NORD);
        offer = data.offer(edition, data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM), day, 10);
        Edition other = data.edition(day, day, Instant.now(), Instant.now().plusSeconds(3600), TestData.PAS_DE_CALAIS);
        otherEditionsOffer = data.offer(other, data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM), day, 10);
        pasDeCalais = data.territory(TestData.PAS_DE_CALAIS);
        nord = data.territory(TestData.NORD);
    }

    void sql(String statement) throws SQLException {
        try (Connection c = db.getConnection(); var s = c.createStatement()) {
            s.execute(statement);
        }
    }

    long application(String subject, String drawId) throws SQLException {
        try (Connection c = db.getConnection(); var s = c.createStatement();
                var r = s.executeQuery("insert into ballot_application (edition_id, holder_subject, party_size, draw_id) values ("
                        + edition.id + ", '" + subject + "', 2, '" + drawId + "') returning id")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void anEditionIsFirstComeUnlessItIsAFullyDatedBallot() throws SQLException {
        try (Connection c = db.getConnection(); var s = c.createStatement();
                var r = s.executeQuery("select allocation_mode, max_choices from edition where id = " + edition.id)) {
            r.next();
            assertThat(r.getString(1)).isEqualTo("FIRST_COME");
            assertThat(r.getInt(2)).isEqualTo(5);
        }
        assertThatThrownBy(() -> sql("update edition set allocation_mode = 'LOTTERY' where id = " + edition.id))
                .hasMessageContaining("edition_allocation_mode_check");
        assertThatThrownBy(() -> sql("update edition set allocation_mode = 'BALLOT' where id = " + edition.id))
                .hasMessageContaining("edition_ballot_dates");
        assertThatThrownBy(() -> sql("update edition set allocation_mode = 'BALLOT', application_opens_at = now(), "
                + "application_closes_at = now() + interval '1 day', draw_at = now() where id = " + edition.id))
                .hasMessageContaining("edition_ballot_dates");
        sql("update edition set allocation_mode = 'BALLOT', application_opens_at = now(), "
                + "application_closes_at = now() + interval '1 day', draw_at = now() + interval '2 days' where id = " + edition.id);
        assertThatThrownBy(() -> sql("update edition set max_choices = 0 where id = " + edition.id))
                .hasMessageContaining("edition_max_choices_check");
    }

    @Test
    void sharesBelongToTakingPartTerritoriesAndAddUpToAtMost100() throws SQLException {
        String insert = "insert into edition_territory_share (edition_id, territory_id, percent) values (" + edition.id + ", %d, %d)";
        sql(insert.formatted(pasDeCalais.id, 60));
        assertThatThrownBy(() -> sql(insert.formatted(nord.id, 41))).hasMessageContaining("edition_territory_share_total");
        sql(insert.formatted(nord.id, 40));
        assertThatThrownBy(() -> sql(insert.formatted(data.territory(TestData.KENT).id, 0)))
                .hasMessageContaining("edition_territory_share_percent");
        assertThatThrownBy(() -> sql(insert.formatted(data.territory(TestData.KENT).id, 1)))
                .hasMessageContaining("edition_territory_share_taking_part");
    }

    @Test
    void oneApplicationPerResidentWithUniqueDrawIdsAndPositions() throws SQLException {
        String subject = TestData.unique("resident");
        application(subject, TestData.unique("P"));
        assertThatThrownBy(() -> application(subject, TestData.unique("P"))).hasMessageContaining("ballot_application_one_per_resident");
        String drawId = TestData.unique("P");
        application(TestData.unique("resident"), drawId);
        assertThatThrownBy(() -> application(TestData.unique("resident"), drawId)).hasMessageContaining("ballot_application_draw_id_unique");
        assertThatThrownBy(() -> application(TestData.unique("resident"), "not a token"))
                .hasMessageContaining("ballot_application_draw_id_format");
        assertThatThrownBy(() -> sql("update ballot_application set party_size = 0 where draw_id = '" + drawId + "'"))
                .hasMessageContaining("ballot_application_party_check");
        // the draw's outcomes (V27): one position per application of the edition, a winner with its ticket
        assertThatThrownBy(() -> sql("update ballot_application set status = 'WON' where draw_id = '" + drawId + "'"))
                .hasMessageContaining("ballot_application_status_check");
        String outcome = "insert into ballot_outcome (application_id, edition_id, position) select id, edition_id, %d from ballot_application"
                + " where holder_subject = '%s' and edition_id = " + edition.id;
        sql(outcome.formatted(1, subject));
        String other = TestData.unique("resident");
        application(other, TestData.unique("P"));
        assertThatThrownBy(() -> sql(outcome.formatted(1, other))).hasMessageContaining("ballot_outcome_position_unique");
        assertThatThrownBy(() -> sql(outcome.formatted(0, other))).hasMessageContaining("ballot_outcome_position_check");
        assertThatThrownBy(() -> sql(("insert into ballot_outcome (application_id, edition_id, position, won_offer_id) select id, edition_id, 2, "
                + offer.id + " from ballot_application where holder_subject = '%s'").formatted(other)))
                .hasMessageContaining("ballot_outcome_won_has_ticket");
    }

    @Test
    void choicesAreOffersOfTheSameEditionEachOnce() throws SQLException {
        long id = application(TestData.unique("resident"), TestData.unique("P"));
        String insert = "insert into ballot_choice (application_id, edition_id, rank, offer_id) values (" + id + ", " + edition.id + ", %d, %d)";
        sql(insert.formatted(1, offer.id));
        assertThatThrownBy(() -> sql(insert.formatted(2, offer.id))).hasMessageContaining("ballot_choice_offer_once");
        assertThatThrownBy(() -> sql(insert.formatted(2, otherEditionsOffer.id))).hasMessageContaining("ballot_choice_offer_of_edition");
        assertThatThrownBy(() -> sql(insert.formatted(0, otherEditionsOffer.id))).hasMessageContaining("ballot_choice_rank_check");
    }
}
