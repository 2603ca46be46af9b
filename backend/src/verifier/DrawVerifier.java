import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Grand Jour ballot: standalone check of a published draw. JDK only (Java 17+), no Grand Jour code, so
 * anyone can read all of it:
 *
 * <pre>java DrawVerifier.java snapshot.json result.json SEED_HEX "PUBLIC VALUE"</pre>
 *
 * It recomputes the draw from the snapshot, the revealed seed (64 hex digits) and the public value, and
 * compares the SHA-256 of the recomputed canonical result with the SHA-256 of result.json.
 * Exit code 0: the result matches; 1: it does not (or the snapshot is not canonical); 2: bad usage or
 * unreadable input. Also printed: the seed's commitment (compare it with the one published when the
 * window opened) and the snapshot hash (compare it with the one published when the window closed).
 *
 * Algorithm "grandjour-rsd-1":
 * - key = SHA-256(seed[32 bytes] || SHA-256(snapshot.json bytes)[32 bytes] || UTF-8(public value));
 *   block_i = SHA-256(key || uint64be(i)), i = 0, 1, ...; each block read as four big-endian unsigned
 *   64-bit words; below(n): next word x, r = 2^64 mod n, accept if x < 2^64 - r and answer x mod n,
 *   else take the next word.
 * - positions: applications in snapshot order; for i = n-1 down to 1: j = below(i+1), swap a[i], a[j];
 *   position k (from 1) is a[k-1].
 * - options: the choices in order; then, with anyOtherSameDay, for each day of the choices (first
 *   occurrence order) the other offers of that day by increasing id.
 * - places: territory t holds floor(capacity * share_t / 100) of each offer; the rest is open.
 * - round 1 in position order: first option with open + own territory's held places >= party; take held
 *   places first (fromShare), then open. Then every held place left becomes open.
 * - round 2 in position order for those without a place: first option with open places >= party.
 * - waiting lists: those without a place, on every offer they chose, in position order.
 */
public class DrawVerifier {
    static final String ALGORITHM = "grandjour-rsd-1";

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: java DrawVerifier.java snapshot.json result.json SEED_HEX PUBLIC_VALUE");
            System.exit(2);
        }
        byte[] snapshotBytes;
        byte[] resultBytes;
        byte[] seed;
        Map<String, Object> snapshot;
        try {
            snapshotBytes = Files.readAllBytes(Path.of(args[0]));
            resultBytes = Files.readAllBytes(Path.of(args[1]));
            seed = HexFormat.of().parseHex(args[2].trim().toLowerCase());
            if (seed.length != 32) {
                throw new IllegalArgumentException("the seed is 64 hex digits");
            }
            snapshot = asObject(new Json(new String(snapshotBytes, StandardCharsets.UTF_8)).document());
        } catch (Exception e) {
            System.err.println("cannot read the input: " + e.getMessage());
            System.exit(2);
            return;
        }
        String publicValue = args[3];
        System.out.println("seed commitment SHA-256(seed): " + hex(sha256(seed)));
        byte[] snapshotHash = sha256(snapshotBytes);
        System.out.println("snapshot hash:                 " + hex(snapshotHash));

        String recomputed;
        try {
            Draw draw = new Draw(snapshot);
            if (!Arrays.equals(draw.snapshotJson().getBytes(StandardCharsets.UTF_8), snapshotBytes)) {
                System.out.println("MISMATCH: snapshot.json is not in canonical form (sorted keys, no spaces)");
                System.exit(1);
            }
            recomputed = draw.run(snapshotHash, seed, publicValue);
        } catch (RuntimeException e) {
            System.out.println("MISMATCH: the snapshot is not valid: " + e);
            System.exit(1);
            return;
        }
        String expected = hex(sha256(recomputed.getBytes(StandardCharsets.UTF_8)));
        String actual = hex(sha256(resultBytes));
        System.out.println("result hash, recomputed:       " + expected);
        System.out.println("result hash, result.json:      " + actual);
        if (expected.equals(actual)) {
            System.out.println("MATCH: result.json is exactly the draw of this snapshot with this seed and public value");
            System.exit(0);
        }
        System.out.println("MISMATCH: result.json is not the draw of this snapshot with this seed and public value");
        System.exit(1);
    }

    /** The snapshot, read back, and the draw over it. */
    static final class Draw {
        final long edition;
        final long[] offerIds;
        final int[] capacity;
        final String[] day;
        final TreeMap<String, Integer> shares = new TreeMap<>();
        final List<Map<String, Object>> applications = new ArrayList<>();

        Draw(Map<String, Object> snapshot) {
            edition = asLong(snapshot.get("edition"));
            List<Object> offers = asList(snapshot.get("offers"));
            offerIds = new long[offers.size()];
            capacity = new int[offers.size()];
            day = new String[offers.size()];
            for (int o = 0; o < offers.size(); o++) {
                Map<String, Object> offer = asObject(offers.get(o));
                offerIds[o] = asLong(offer.get("id"));
                capacity[o] = (int) asLong(offer.get("capacity"));
                day[o] = (String) offer.get("day");
            }
            for (var share : asObject(snapshot.get("shares")).entrySet()) {
                shares.put(share.getKey(), (int) asLong(share.getValue()));
            }
            for (Object application : asList(snapshot.get("applications"))) {
                Map<String, Object> next = asObject(application);
                if (!applications.isEmpty()
                        && ((String) applications.get(applications.size() - 1).get("id")).compareTo((String) next.get("id")) >= 0) {
                    throw new IllegalArgumentException("applications not sorted by id");
                }
                applications.add(next);
            }
        }

        /** The snapshot written back in canonical form, to check the file is canonical. */
        String snapshotJson() {
            StringBuilder json = new StringBuilder("{\"applications\":[");
            for (int i = 0; i < applications.size(); i++) {
                Map<String, Object> a = applications.get(i);
                json.append(i > 0 ? "," : "").append("{\"anyOtherSameDay\":").append((boolean) (Boolean) a.get("anyOtherSameDay"))
                        .append(",\"choices\":[");
                List<Object> choices = asList(a.get("choices"));
                for (int c = 0; c < choices.size(); c++) {
                    json.append(c > 0 ? "," : "").append(asLong(choices.get(c)));
                }
                Object territory = a.get("territory");
                json.append("],\"id\":\"").append((String) a.get("id")).append("\",\"party\":").append(asLong(a.get("party")))
                        .append(",\"territory\":").append(territory == null ? "null" : "\"" + territory + "\"").append('}');
            }
            json.append("],\"edition\":").append(edition).append(",\"offers\":[");
            for (int o = 0; o < offerIds.length; o++) {
                json.append(o > 0 ? "," : "").append("{\"capacity\":").append(capacity[o]).append(",\"day\":\"").append(day[o])
                        .append("\",\"id\":").append(offerIds[o]).append('}');
            }
            json.append("],\"shares\":{");
            List<String> parts = new ArrayList<>();
            shares.forEach((code, percent) -> parts.add("\"" + code + "\":" + percent));
            return json.append(String.join(",", parts)).append("}}").toString();
        }

        String run(byte[] snapshotHash, byte[] seed, String publicValue) {
            int n = applications.size();
            MessageDigest digest = newSha256();
            digest.update(seed);
            digest.update(snapshotHash);
            digest.update(publicValue.getBytes(StandardCharsets.UTF_8));
            Generator random = new Generator(digest.digest());

            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.below(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }

            int offerCount = offerIds.length;
            Map<Long, Integer> offerIndex = new HashMap<>();
            Map<String, List<Integer>> offersByDay = new HashMap<>();
            for (int o = 0; o < offerCount; o++) {
                if (o > 0 && offerIds[o] <= offerIds[o - 1]) {
                    throw new IllegalArgumentException("offers not sorted by id");
                }
                offerIndex.put(offerIds[o], o);
                offersByDay.computeIfAbsent(day[o], d -> new ArrayList<>()).add(o);
            }
            List<String> territories = new ArrayList<>(shares.keySet());
            int[] open = new int[offerCount];
            int[][] held = new int[offerCount][territories.size()];
            for (int o = 0; o < offerCount; o++) {
                open[o] = capacity[o];
                for (int t = 0; t < territories.size(); t++) {
                    held[o][t] = (int) ((long) capacity[o] * shares.get(territories.get(t)) / 100);
                    open[o] -= held[o][t];
                }
            }

            int[] party = new int[n];
            int[] territory = new int[n];
            int[][] options = new int[n][];
            int[][] chosen = new int[n][];
            for (int a = 0; a < n; a++) {
                Map<String, Object> application = applications.get(a);
                party[a] = (int) asLong(application.get("party"));
                Object code = application.get("territory");
                territory[a] = code == null ? -1 : territories.indexOf((String) code);
                List<Object> choices = asList(application.get("choices"));
                chosen[a] = new int[choices.size()];
                LinkedHashSet<Integer> list = new LinkedHashSet<>();
                LinkedHashSet<String> days = new LinkedHashSet<>();
                for (int c = 0; c < choices.size(); c++) {
                    Integer o = offerIndex.get(asLong(choices.get(c)));
                    if (o == null) {
                        throw new IllegalArgumentException("unknown offer " + choices.get(c));
                    }
                    chosen[a][c] = o;
                    list.add(o);
                    days.add(day[o]);
                }
                if ((Boolean) application.get("anyOtherSameDay")) {
                    for (String d : days) {
                        list.addAll(offersByDay.get(d));
                    }
                }
                options[a] = list.stream().mapToInt(Integer::intValue).toArray();
            }

            int[] assigned = new int[n];
            int[] round = new int[n];
            int[] fromShare = new int[n];
            Arrays.fill(assigned, -1);
            for (int k = 0; k < n; k++) {
                int a = order[k];
                int t = territory[a];
                for (int o : options[a]) {
                    int own = t < 0 ? 0 : held[o][t];
                    if (open[o] + own >= party[a]) {
                        int share = Math.min(own, party[a]);
                        if (t >= 0) {
                            held[o][t] -= share;
                        }
                        open[o] -= party[a] - share;
                        assigned[a] = o;
                        round[a] = 1;
                        fromShare[a] = share;
                        break;
                    }
                }
            }
            for (int o = 0; o < offerCount; o++) {
                for (int t = 0; t < territories.size(); t++) {
                    open[o] += held[o][t];
                    held[o][t] = 0;
                }
            }
            for (int k = 0; k < n; k++) {
                int a = order[k];
                if (assigned[a] >= 0) {
                    continue;
                }
                for (int o : options[a]) {
                    if (open[o] >= party[a]) {
                        open[o] -= party[a];
                        assigned[a] = o;
                        round[a] = 2;
                        break;
                    }
                }
            }

            List<List<String>> queues = new ArrayList<>();
            for (int o = 0; o < offerCount; o++) {
                queues.add(new ArrayList<>());
            }
            StringBuilder json = new StringBuilder("{\"algorithm\":\"" + ALGORITHM + "\",\"applications\":[");
            for (int k = 0; k < n; k++) {
                int a = order[k];
                String id = (String) applications.get(a).get("id");
                json.append(k > 0 ? "," : "").append("{\"fromShare\":").append(fromShare[a]).append(",\"id\":\"").append(id)
                        .append("\",\"offer\":").append(assigned[a] < 0 ? "null" : Long.toString(offerIds[assigned[a]]))
                        .append(",\"position\":").append(k + 1).append(",\"round\":").append(round[a]).append('}');
                if (assigned[a] < 0) {
                    for (int o : chosen[a]) {
                        queues.get(o).add(id);
                    }
                }
            }
            json.append("],\"snapshot\":\"").append(hex(snapshotHash)).append("\",\"waitingLists\":[");
            for (int o = 0; o < offerCount; o++) {
                json.append(o > 0 ? "," : "").append("{\"offer\":").append(offerIds[o]).append(",\"queue\":[");
                List<String> queue = queues.get(o);
                for (int q = 0; q < queue.size(); q++) {
                    json.append(q > 0 ? "," : "").append('"').append(queue.get(q)).append('"');
                }
                json.append("]}");
            }
            return json.append("]}").toString();
        }
    }

    /** SHA-256 in counter mode, read as big-endian 64-bit words, with rejection sampling. */
    static final class Generator {
        final byte[] key;
        final MessageDigest digest = newSha256();
        ByteBuffer block = ByteBuffer.allocate(0);
        long counter;

        Generator(byte[] key) {
            this.key = key;
        }

        long nextWord() {
            if (!block.hasRemaining()) {
                digest.update(key);
                digest.update(ByteBuffer.allocate(8).putLong(counter++).array());
                block = ByteBuffer.wrap(digest.digest());
            }
            return block.getLong();
        }

        int below(int n) {
            long r = Long.remainderUnsigned(-(long) n, n); // 2^64 mod n
            while (true) {
                long x = nextWord();
                if (r == 0 || Long.compareUnsigned(x, -r) < 0) {
                    return (int) Long.remainderUnsigned(x, n);
                }
            }
        }
    }

    /** A small JSON reader: objects, arrays, strings, integers, true, false, null (all a snapshot has). */
    static final class Json {
        final String text;
        int at;

        Json(String text) {
            this.text = text;
        }

        Object document() {
            Object value = value();
            space();
            if (at != text.length()) {
                throw error("text after the document");
            }
            return value;
        }

        Object value() {
            space();
            if (at >= text.length()) {
                throw error("unexpected end");
            }
            char c = text.charAt(at);
            if (c == '{') {
                at++;
                Map<String, Object> object = new LinkedHashMap<>();
                space();
                if (peek('}')) {
                    return object;
                }
                do {
                    space();
                    String key = string();
                    space();
                    expect(':');
                    object.put(key, value());
                    space();
                } while (peek(','));
                expect('}');
                return object;
            }
            if (c == '[') {
                at++;
                List<Object> list = new ArrayList<>();
                space();
                if (peek(']')) {
                    return list;
                }
                do {
                    list.add(value());
                    space();
                } while (peek(','));
                expect(']');
                return list;
            }
            if (c == '"') {
                return string();
            }
            if (text.startsWith("true", at)) {
                at += 4;
                return Boolean.TRUE;
            }
            if (text.startsWith("false", at)) {
                at += 5;
                return Boolean.FALSE;
            }
            if (text.startsWith("null", at)) {
                at += 4;
                return null;
            }
            int start = at;
            if (c == '-') {
                at++;
            }
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            if (at == start || (at == start + 1 && c == '-')) {
                throw error("unexpected character '" + c + "'");
            }
            return Long.parseLong(text.substring(start, at));
        }

        String string() {
            expect('"');
            StringBuilder s = new StringBuilder();
            while (true) {
                if (at >= text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(at++);
                if (c == '"') {
                    return s.toString();
                }
                if (c == '\\') {
                    char e = text.charAt(at++);
                    switch (e) {
                        case '"', '\\', '/' -> s.append(e);
                        case 'b' -> s.append('\b');
                        case 'f' -> s.append('\f');
                        case 'n' -> s.append('\n');
                        case 'r' -> s.append('\r');
                        case 't' -> s.append('\t');
                        case 'u' -> {
                            s.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> throw error("bad escape");
                    }
                } else {
                    s.append(c);
                }
            }
        }

        void space() {
            while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
        }

        boolean peek(char c) {
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        void expect(char c) {
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("JSON at character " + at + ": " + what);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asObject(Object value) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("expected an object");
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object value) {
        if (!(value instanceof List)) {
            throw new IllegalArgumentException("expected an array");
        }
        return (List<Object>) value;
    }

    static long asLong(Object value) {
        if (!(value instanceof Long)) {
            throw new IllegalArgumentException("expected an integer");
        }
        return (Long) value;
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(byte[] bytes) {
        return newSha256().digest(bytes);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
