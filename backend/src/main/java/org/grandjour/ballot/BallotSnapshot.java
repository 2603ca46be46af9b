package org.grandjour.ballot;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a draw is run on, frozen when the application window closes: the offers, the territory shares and
 * the applications under pseudonymous ids (no names). Its canonical JSON is published and its SHA-256
 * enters the draw's key, so the list cannot be edited once the public value is known.
 *
 * <p>Canonical JSON: UTF-8, no whitespace, object keys sorted (all keys are ASCII), integers in plain
 * decimal, offers sorted by id, applications sorted by pseudonymous id, each application's choices in its
 * ranking order; identifiers and territory codes are restricted to {@code [A-Za-z0-9._-]} so no string
 * ever needs escaping. Shape:
 * <pre>{"applications":[{"anyOtherSameDay":false,"choices":[12,7],"id":"P3K9","party":2,"territory":"FR-62"}],
 * "edition":1,"offers":[{"capacity":40,"day":"2027-06-05","id":7}],"shares":{"FR-59":30,"FR-62":50}}</pre>
 * ({@code territory} is {@code null} for an applicant outside every named territory.)
 *
 * <p>Shares are whole percentages of each offer's places, at most 100 in total: territory t holds
 * floor(capacity × share_t / 100) places of each offer (see {@link BallotDraw}).
 */
public record BallotSnapshot(long edition, List<Offer> offers, Map<String, Integer> shares, List<Application> applications) {

    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public record Offer(long id, int capacity, LocalDate day) {
        public Offer {
            if (capacity < 0) {
                throw new IllegalArgumentException("offer " + id + ": negative capacity");
            }
            if (day == null) {
                throw new IllegalArgumentException("offer " + id + ": no day");
            }
        }
    }

    /** One application; {@code choices} are offer ids, best first; {@code territory} may be null. */
    public record Application(String id, int party, List<Long> choices, String territory, boolean anyOtherSameDay) {
        public Application {
            if (id == null || !TOKEN.matcher(id).matches()) {
                throw new IllegalArgumentException("application id must match " + TOKEN + ": " + id);
            }
            if (party < 1) {
                throw new IllegalArgumentException("application " + id + ": party size below 1");
            }
            if (territory != null && !TOKEN.matcher(territory).matches()) {
                throw new IllegalArgumentException("application " + id + ": bad territory code");
            }
            choices = List.copyOf(choices);
            if (choices.isEmpty() || new HashSet<>(choices).size() != choices.size()) {
                throw new IllegalArgumentException("application " + id + ": choices empty or repeated");
            }
        }
    }

    public BallotSnapshot {
        offers = offers.stream().sorted(Comparator.comparingLong(Offer::id)).toList();
        applications = applications.stream().sorted(Comparator.comparing(Application::id)).toList();
        shares = Map.copyOf(shares);
        Set<Long> offerIds = new HashSet<>();
        for (Offer offer : offers) {
            if (!offerIds.add(offer.id())) {
                throw new IllegalArgumentException("offer " + offer.id() + " twice");
            }
        }
        int total = 0;
        for (var share : shares.entrySet()) {
            if (!TOKEN.matcher(share.getKey()).matches() || share.getValue() < 1 || share.getValue() > 100) {
                throw new IllegalArgumentException("share " + share + ": bad code or not in 1..100");
            }
            total += share.getValue();
        }
        if (total > 100) {
            throw new IllegalArgumentException("territory shares add up to more than 100%");
        }
        String previous = null;
        for (Application application : applications) {
            if (application.id().equals(previous)) {
                throw new IllegalArgumentException("application " + previous + " twice");
            }
            previous = application.id();
            for (long choice : application.choices()) {
                if (!offerIds.contains(choice)) {
                    throw new IllegalArgumentException("application " + previous + ": unknown offer " + choice);
                }
            }
        }
    }

    public String canonicalJson() {
        StringBuilder json = new StringBuilder(64 + applications.size() * 80);
        json.append("{\"applications\":[");
        for (int i = 0; i < applications.size(); i++) {
            Application a = applications.get(i);
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"anyOtherSameDay\":").append(a.anyOtherSameDay()).append(",\"choices\":[");
            for (int c = 0; c < a.choices().size(); c++) {
                if (c > 0) {
                    json.append(',');
                }
                json.append(a.choices().get(c).longValue());
            }
            json.append("],\"id\":\"").append(a.id()).append("\",\"party\":").append(a.party())
                    .append(",\"territory\":");
            if (a.territory() == null) {
                json.append("null");
            } else {
                json.append('"').append(a.territory()).append('"');
            }
            json.append('}');
        }
        json.append("],\"edition\":").append(edition).append(",\"offers\":[");
        for (int i = 0; i < offers.size(); i++) {
            Offer o = offers.get(i);
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"capacity\":").append(o.capacity()).append(",\"day\":\"").append(o.day())
                    .append("\",\"id\":").append(o.id()).append('}');
        }
        json.append("],\"shares\":{");
        List<String> first = new ArrayList<>();
        new TreeMap<>(shares).forEach((code, percent) -> first.add("\"" + code + "\":" + percent));
        json.append(String.join(",", first)).append("}}");
        return json.toString();
    }

    public byte[] canonicalBytes() {
        return canonicalJson().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] hash() {
        return DrawGenerator.sha256().digest(canonicalBytes());
    }
}
