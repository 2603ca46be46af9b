package org.grandjour.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone verifier (backend/src/verifier/DrawVerifier.java, JDK only), run as a child `java`
 * process on files written here, agrees with the backend's draw and catches a single changed byte.
 */
class DrawVerifierTest {

    record Run(int exit, String output) {
    }

    @Test
    void theVerifierAgreesWithTheBackendAndCatchesAChangedByte(@TempDir Path dir) throws Exception {
        BallotSnapshot snapshot = BallotInstances.random(5, 0);
        for (long instance = 11; snapshot.applications().size() < 100 || snapshot.shares().isEmpty(); instance++) {
            snapshot = BallotInstances.random(instance, 300);
        }
        byte[] seed = BallotInstances.seed("verifier");
        String publicValue = "Loto 2027-06-01: 4 12 19 33 41 + 7";
        DrawResult result = BallotDraw.draw(snapshot, seed, publicValue);
        Path snapshotFile = dir.resolve("snapshot.json");
        Path resultFile = dir.resolve("result.json");
        Files.write(snapshotFile, snapshot.canonicalBytes());
        Files.write(resultFile, result.canonicalBytes());
        String seedHex = HexFormat.of().formatHex(seed);

        Run ok = verify(snapshotFile, resultFile, seedHex, publicValue);
        assertThat(ok.exit()).as(ok.output()).isZero();
        assertThat(ok.output()).contains("MATCH: result.json is exactly").contains(result.hash())
                .contains(HexFormat.of().formatHex(snapshot.hash())).contains(DrawGenerator.commitment(seed));

        byte[] changed = result.canonicalBytes();
        int middle = changed.length / 2;
        changed[middle] = (byte) (changed[middle] == '1' ? '2' : '1');
        Path tampered = dir.resolve("tampered.json");
        Files.write(tampered, changed);
        Run bad = verify(snapshotFile, tampered, seedHex, publicValue);
        assertThat(bad.exit()).as(bad.output()).isEqualTo(1);
        assertThat(bad.output()).contains("MISMATCH");

        Run otherValue = verify(snapshotFile, resultFile, seedHex, publicValue + " ");
        assertThat(otherValue.exit()).as(otherValue.output()).isEqualTo(1);
    }

    static Run verify(Path snapshot, Path result, String seed, String publicValue) throws IOException, InterruptedException {
        Path source = Path.of("src/verifier/DrawVerifier.java");
        if (!Files.exists(source)) {
            source = Path.of("backend/src/verifier/DrawVerifier.java");
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), source.toString(), snapshot.toString(),
                result.toString(), seed, publicValue)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }
}
