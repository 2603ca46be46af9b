package org.grandjour.ballot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.junit.jupiter.api.Test;

/** The generator is exactly the documented construction, so an outside verifier can rebuild it. */
class DrawGeneratorTest {

    @Test
    void theKeyAndTheStreamAreTheDocumentedHashes() throws Exception {
        byte[] seed = BallotInstances.seed("seed");
        byte[] snapshotHash = BallotInstances.seed("snapshot");
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(seed);
        sha.update(snapshotHash);
        sha.update("Loto 2027-06-01 ⚑".getBytes(StandardCharsets.UTF_8));
        byte[] key = sha.digest();
        assertThat(DrawGenerator.key(seed, snapshotHash, "Loto 2027-06-01 ⚑")).isEqualTo(key);

        DrawGenerator generator = DrawGenerator.forDraw(seed, snapshotHash, "Loto 2027-06-01 ⚑");
        for (long block = 0; block < 3; block++) {
            sha.update(key);
            sha.update(ByteBuffer.allocate(8).putLong(block).array());
            ByteBuffer expected = ByteBuffer.wrap(sha.digest());
            for (int word = 0; word < 4; word++) {
                assertThat(generator.nextWord()).isEqualTo(expected.getLong());
            }
        }
    }

    @Test
    void belowStaysInRangeAndRejectsTheBiasedTail() {
        DrawGenerator generator = new DrawGenerator(BallotInstances.seed("range"));
        for (int n : new int[] {1, 2, 3, 7, 100, 1 << 20, Integer.MAX_VALUE}) {
            for (int i = 0; i < 2_000; i++) {
                assertThat(generator.below(n)).isBetween(0, n - 1);
            }
        }
        assertThatThrownBy(() -> generator.below(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyTheBiasedTopOfTheWordRangeIsRejected() {
        // n = 3: 2^64 mod 3 = 1, only the word 2^64 − 1 is rejected
        assertThat(DrawGenerator.accept(-1L, 3)).isEqualTo(-1);
        assertThat(DrawGenerator.accept(-2L, 3)).isEqualTo(2);
        assertThat(DrawGenerator.accept(5L, 3)).isEqualTo(2);
        // n = 3·2^29: 2^64 mod n = 2^30, so the top 2^30 words would favour [0, 2^30) and are rejected
        int n = 3 << 29;
        assertThat(DrawGenerator.accept(-(1L << 30), n)).isEqualTo(-1);
        assertThat(DrawGenerator.accept(-1L, n)).isEqualTo(-1);
        assertThat(DrawGenerator.accept(-(1L << 30) - 1, n)).isEqualTo(n - 1);
        // a power of two divides 2^64: nothing is rejected
        assertThat(DrawGenerator.accept(-1L, 1 << 20)).isEqualTo((1 << 20) - 1);
        assertThat(DrawGenerator.accept(-1L, 1)).isZero();
    }

    @Test
    void belowConsumesOneWordPerAcceptedValue() {
        DrawGenerator words = new DrawGenerator(BallotInstances.seed("mod"));
        DrawGenerator draws = new DrawGenerator(BallotInstances.seed("mod"));
        for (int i = 0; i < 1_000; i++) {
            assertThat(draws.below(100)).isEqualTo(DrawGenerator.accept(words.nextWord(), 100));
        }
    }

    @Test
    void theCommitmentIsTheSeedsHash() throws Exception {
        byte[] seed = BallotInstances.seed("commit");
        assertThat(DrawGenerator.commitment(seed))
                .isEqualTo(java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(seed)));
    }
}
