package org.grandjour.ballot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BallotSnapshotTest {
    static final LocalDate SATURDAY = LocalDate.of(2027, 6, 5);

    @Test
    void theCanonicalFormIsSortedAndCompact() {
        BallotSnapshot snapshot = new BallotSnapshot(4,
                List.of(new BallotSnapshot.Offer(12, 30, SATURDAY.plusDays(1)), new BallotSnapshot.Offer(7, 40, SATURDAY)),
                Map.of("FR-62", 50, "FR-59", 30),
                List.of(new BallotSnapshot.Application("Q1", 1, List.of(7L), null, true),
                        new BallotSnapshot.Application("P3K9", 2, List.of(12L, 7L), "FR-62", false)));
        assertThat(snapshot.canonicalJson()).isEqualTo("{\"applications\":["
                + "{\"anyOtherSameDay\":false,\"choices\":[12,7],\"id\":\"P3K9\",\"party\":2,\"territory\":\"FR-62\"},"
                + "{\"anyOtherSameDay\":true,\"choices\":[7],\"id\":\"Q1\",\"party\":1,\"territory\":null}],"
                + "\"edition\":4,\"offers\":[{\"capacity\":40,\"day\":\"2027-06-05\",\"id\":7},"
                + "{\"capacity\":30,\"day\":\"2027-06-06\",\"id\":12}],\"shares\":{\"FR-59\":30,\"FR-62\":50}}");
        assertThat(snapshot.hash()).isEqualTo(DrawGenerator.sha256().digest(snapshot.canonicalBytes()));
    }

    @Test
    void badSnapshotsAreRefused() {
        var offer = List.of(new BallotSnapshot.Offer(1, 10, SATURDAY));
        assertThatThrownBy(() -> new BallotSnapshot(1, offer, Map.of("FR-62", 60, "FR-59", 50), List.of()))
                .hasMessageContaining("more than 100%");
        assertThatThrownBy(() -> new BallotSnapshot(1, offer, Map.of(),
                List.of(new BallotSnapshot.Application("A", 1, List.of(2L), null, false)))).hasMessageContaining("unknown offer");
        assertThatThrownBy(() -> new BallotSnapshot(1, offer, Map.of(),
                List.of(new BallotSnapshot.Application("A", 1, List.of(1L), null, false),
                        new BallotSnapshot.Application("A", 2, List.of(1L), null, false)))).hasMessageContaining("twice");
        assertThatThrownBy(() -> new BallotSnapshot.Application("A\"", 1, List.of(1L), null, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BallotSnapshot.Application("A", 1, List.of(1L, 1L), null, false))
                .hasMessageContaining("repeated");
        assertThatThrownBy(() -> new BallotSnapshot.Application("A", 0, List.of(1L), null, false))
                .hasMessageContaining("party");
    }
}
