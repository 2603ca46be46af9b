package org.grandjour.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.grandjour.testsupport.LocalTokens;
import org.grandjour.testsupport.Race;
import org.grandjour.testsupport.Sql;
import org.grandjour.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** Several devices scan the same ticket at the same instant; the database is checked afterwards. */
@QuarkusTest
@TestProfile(LocalTokens.Profile.class)
class ScanConcurrencyTest {
    @Inject
    TestData data;
    @Inject
    Sql sql;
    ScanFixture door;

    @BeforeEach
    void setUp() {
        door = new ScanFixture(data);
    }

    @Test
    void twentyDevicesScanOnePartyOfFourAtOnce() throws Exception {
        String[] ticket = door.ticket(4);
        List<Response> results = Race.run(20, i -> door.scan(door.staff, ticket[1], door.door.id, "device-" + (i % 5),
                UUID.randomUUID(), Instant.now(), null));

        assertThat(results).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(results.stream().filter(r -> "ADMITTED".equals(r.path("verdict"))).count()).isEqualTo(1);
        assertThat(results.stream().filter(r -> "ALREADY_USED".equals(r.path("verdict"))).count()).isEqualTo(19);
        assertThat(results.stream().filter(r -> "ADMITTED".equals(r.path("verdict"))).mapToInt(r -> r.path("personsAdmittedNow")).sum())
                .isEqualTo(4);
        long id = Long.parseLong(ticket[0]);
        assertThat(sql.number("select persons_admitted from ticket where id = ?", id)).isEqualTo(4);
        assertThat(sql.number("select count(*) from scan where ticket_id = ?", id)).isEqualTo(20);
        assertThat(sql.number("select sum(persons_admitted) from scan where ticket_id = ?", id)).isEqualTo(4);
    }

    @Test
    void partiesEnteringOneByOneOnManyDevicesStopAtThePartySize() throws Exception {
        String[] ticket = door.ticket(4);
        List<Response> results = Race.run(20, i -> door.scan(door.staff, ticket[1], door.door.id, "device-" + (i % 5),
                UUID.randomUUID(), Instant.now(), 1));

        assertThat(results.stream().filter(r -> "ADMITTED".equals(r.path("verdict"))).count()).isEqualTo(4);
        assertThat(results.stream().filter(r -> "ALREADY_USED".equals(r.path("verdict"))).count()).isEqualTo(16);
        long id = Long.parseLong(ticket[0]);
        assertThat(sql.number("select persons_admitted from ticket where id = ?", id)).isEqualTo(4);
        assertThat(sql.number("select sum(persons_admitted) from scan where ticket_id = ?", id)).isEqualTo(4);
    }

    @Test
    void oneScanIdSentTenTimesAtOnceAdmitsOnce() throws Exception {
        String[] ticket = door.ticket(3);
        UUID scanId = UUID.randomUUID();
        Instant at = Instant.now();
        List<Response> results = Race.run(10, i -> door.scan(door.staff, ticket[1], door.door.id, "device-x", scanId, at, 2));

        assertThat(results).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.<String>path("verdict")).isEqualTo("ADMITTED");
            assertThat(r.<Integer>path("personsAdmittedNow")).isEqualTo(2);
        });
        long id = Long.parseLong(ticket[0]);
        assertThat(sql.number("select persons_admitted from ticket where id = ?", id)).isEqualTo(2);
        assertThat(sql.number("select count(*) from scan where scan_uid = ?", scanId)).isEqualTo(1);
    }
}
