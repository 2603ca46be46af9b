package org.grandjour.ballot;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The draw's only source of randomness, fully determined by public inputs once the seed is revealed, so
 * anyone can recompute it (the standalone verifier does, with its own copy of this definition).
 *
 * <p>Exact definition (version {@value BallotDraw#ALGORITHM}):
 * <ul>
 * <li>{@code seed}: 32 bytes, published as 64 hex digits; its commitment is {@code SHA-256(seed)}.</li>
 * <li>{@code snapshotHash}: the 32 bytes of SHA-256 over the canonical snapshot JSON.</li>
 * <li>{@code publicValue}: any text announced in advance (may be empty), taken as its UTF-8 bytes.</li>
 * <li>{@code key = SHA-256(seed ‖ snapshotHash ‖ UTF-8(publicValue))}; the first two parts have a fixed
 * length, so the concatenation is unambiguous.</li>
 * <li>Stream: SHA-256 in counter mode, {@code block_i = SHA-256(key ‖ uint64be(i))} for i = 0, 1, 2, …;
 * each 32-byte block is read as four big-endian unsigned 64-bit words, in order.</li>
 * <li>{@code below(n)}, an integer uniform in [0, n) for 1 ≤ n ≤ 2^31 − 1: take the next word x; with
 * r = 2^64 mod n, accept x if x &lt; 2^64 − r and answer x mod n, otherwise reject x and take the next
 * word (rejection sampling: the accepted range is a whole number of copies of [0, n), so no value is
 * favoured; a plain {@code x % n} would favour the small values).</li>
 * </ul>
 * Not thread-safe; one instance per draw.
 */
public final class DrawGenerator {
    private final byte[] key;
    private final MessageDigest sha256 = sha256();
    private final ByteBuffer block = ByteBuffer.allocate(32);
    private long counter;

    public DrawGenerator(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the key is 32 bytes");
        }
        this.key = key.clone();
        block.position(32); // empty: the first word computes block 0
    }

    /** The generator of a draw, from its three public inputs (see the class comment). */
    public static DrawGenerator forDraw(byte[] seed, byte[] snapshotHash, String publicValue) {
        return new DrawGenerator(key(seed, snapshotHash, publicValue));
    }

    public static byte[] key(byte[] seed, byte[] snapshotHash, String publicValue) {
        if (seed.length != 32 || snapshotHash.length != 32) {
            throw new IllegalArgumentException("the seed and the snapshot hash are 32 bytes each");
        }
        MessageDigest digest = sha256();
        digest.update(seed);
        digest.update(snapshotHash);
        digest.update(publicValue.getBytes(StandardCharsets.UTF_8));
        return digest.digest();
    }

    /** The seed's published commitment: SHA-256 of its 32 bytes, in hex. */
    public static String commitment(byte[] seed) {
        return HexFormat.of().formatHex(sha256().digest(seed));
    }

    /** The next unsigned 64-bit word of the stream (as a Java long: compare with {@link Long#compareUnsigned}). */
    public long nextWord() {
        if (!block.hasRemaining()) {
            sha256.update(key);
            sha256.update(ByteBuffer.allocate(8).putLong(counter++).array());
            block.clear();
            block.put(sha256.digest());
            block.flip();
        }
        return block.getLong();
    }

    /** Uniform integer in [0, n), by rejection (see the class comment). */
    public int below(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1");
        }
        while (true) {
            int value = accept(nextWord(), n);
            if (value >= 0) {
                return value;
            }
        }
    }

    /** x mod n if the word x is in the accepted range [0, 2^64 − (2^64 mod n)), else −1 (draw again). */
    static int accept(long x, int n) {
        long r = Long.remainderUnsigned(-(long) n, n); // (2^64 − n) mod n = 2^64 mod n
        if (r != 0 && Long.compareUnsigned(x, -r) >= 0) { // −r is 2^64 − r as an unsigned long
            return -1;
        }
        return (int) Long.remainderUnsigned(x, n);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
