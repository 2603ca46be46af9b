package org.grandjour.ballot;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * A draw's result, published with the snapshot. Canonical JSON (UTF-8, no whitespace, sorted keys,
 * applications in position order, waiting lists by offer id, every offer listed):
 * <pre>{"algorithm":"grandjour-rsd-1","applications":[{"fromShare":2,"id":"P3K9","offer":7,"position":1,"round":1},
 * {"fromShare":0,"id":"Q1","offer":null,"position":2,"round":0}],"snapshot":"&lt;hex SHA-256&gt;",
 * "waitingLists":[{"offer":7,"queue":["Q1"]}]}</pre>
 * {@code round} is 1 or 2 for a winner (see {@link BallotDraw}), 0 with {@code offer} null for the others;
 * {@code fromShare} counts the places taken from the applicant's territory share. The result hash is
 * SHA-256 over these bytes.
 */
public record DrawResult(String algorithm, String snapshotHash, List<Outcome> outcomes, List<WaitingList> waitingLists) {

    /** One application's position and, if it won, its offer. */
    public record Outcome(String id, int position, Long offer, int round, int fromShare) {
    }

    /** The applications without a place that chose this offer, in position order. */
    public record WaitingList(long offer, List<String> queue) {
    }

    public String canonicalJson() {
        StringBuilder json = new StringBuilder(128 + outcomes.size() * 72);
        json.append("{\"algorithm\":\"").append(algorithm).append("\",\"applications\":[");
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"fromShare\":").append(o.fromShare()).append(",\"id\":\"").append(o.id())
                    .append("\",\"offer\":").append(o.offer() == null ? "null" : o.offer().toString())
                    .append(",\"position\":").append(o.position()).append(",\"round\":").append(o.round())
                    .append('}');
        }
        json.append("],\"snapshot\":\"").append(snapshotHash).append("\",\"waitingLists\":[");
        for (int i = 0; i < waitingLists.size(); i++) {
            WaitingList list = waitingLists.get(i);
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"offer\":").append(list.offer()).append(",\"queue\":[");
            for (int q = 0; q < list.queue().size(); q++) {
                if (q > 0) {
                    json.append(',');
                }
                json.append('"').append(list.queue().get(q)).append('"');
            }
            json.append("]}");
        }
        return json.append("]}").toString();
    }

    public byte[] canonicalBytes() {
        return canonicalJson().getBytes(StandardCharsets.UTF_8);
    }

    public String hash() {
        return HexFormat.of().formatHex(DrawGenerator.sha256().digest(canonicalBytes()));
    }
}
