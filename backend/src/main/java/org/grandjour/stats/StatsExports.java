package org.grandjour.stats;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;

import org.grandjour.common.Csv;
import org.grandjour.edition.EditionService;

import io.agroal.api.AgroalDataSource;

/** CSV files for organisers and attractions' own records (RFC 4180, UTF-8 with a BOM for spreadsheets; cells through {@link Csv}). */
@ApplicationScoped
public class StatsExports {
    private static final String BOM = "\uFEFF";

    @Inject
    AgroalDataSource db;
    @Inject
    EditionService editions;

    public String statsCsv(EditionStats stats) {
        StringBuilder sb = new StringBuilder(BOM);
        Csv.row(sb, List.of("attraction", "name_fr", "name_en", "territory", "day", "offered", "booked", "tickets", "cancelled",
                "admitted", "no_shows", "claim_rate", "redemption_rate", "waiting_parties", "waiting_persons", "released_persons",
                "refilled_persons", "confirmed_tickets", "unconfirmed_tickets", "walk_up_persons",
                // appended last, so that the columns before keep their positions
                "door_full_scans", "refill_ms_median", "expected_no_shows"));
        Map<Long, EditionStats.WaitlistFigures> lists = stats.waitlists().stream()
                .collect(Collectors.toMap(EditionStats.WaitlistFigures::offerId, Function.identity()));
        EditionStats.WaitlistFigures none = new EditionStats.WaitlistFigures(0, 0, 0, 0, 0, 0, 0, 0, null, null);
        Map<Long, Long> expectedNoShows = new java.util.HashMap<>();
        stats.overbooking().forEach(o -> expectedNoShows.put(o.offerId(), o.expectedNoShows()));
        for (EditionStats.AttractionFigures a : stats.byAttraction()) {
            Figures f = a.figures();
            EditionStats.WaitlistFigures l = lists.getOrDefault(a.offerId(), none);
            Csv.row(sb, List.of(a.slug(), a.name().fr(), a.name().en(), a.territory(), a.day().toString(), f.offered(), f.booked(),
                    f.tickets(), f.cancelled(), f.admitted(), f.noShows(), rate(f.claimRate()), rate(f.redemptionRate()),
                    l.waitingParties(), l.waitingPersons(), l.releasedPersons(), l.refilledPersons(), l.confirmedTickets(),
                    l.unconfirmedTickets(), l.walkUpPersons(), f.doorFullScans(), orEmpty(l.refillMsMedian()),
                    orEmpty(expectedNoShows.get(a.offerId()))));
        }
        return sb.toString();
    }

    private static Object orEmpty(Number value) {
        return value == null ? "" : value;
    }

    /** Every admission, streamed from the database (an edition may have hundreds of thousands). */
    public StreamingOutput admissionsCsv(long editionId) {
        String timeZone = editions.get(editionId).timeZone;
        return out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write(BOM);
            StringBuilder header = new StringBuilder();
            Csv.row(header, List.of("scanned_at", "local_time", "attraction", "day", "ticket_code", "party_size", "persons_admitted",
                    "device", "staff", "offline", "conflict", "walk_up"));
            w.write(header.toString());
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false); // lets the driver stream with a fetch size instead of loading everything
                try (var s = c.prepareStatement("""
                        select s.scanned_at, to_char(s.scanned_at at time zone ?, 'YYYY-MM-DD HH24:MI:SS'), a.slug, o.day,
                               t.code, t.party_size, s.persons_admitted, s.device_id, s.staff_username, s.offline, s.conflict, t.walk_up
                        from scan s join ticket t on t.id = s.ticket_id join offer o on o.id = t.offer_id
                        join attraction a on a.id = o.attraction_id
                        where o.edition_id = ? and s.verdict = 'ADMITTED'
                        order by s.scanned_at, s.id""")) {
                    s.setString(1, timeZone);
                    s.setLong(2, editionId);
                    s.setFetchSize(1000);
                    try (ResultSet rs = s.executeQuery()) {
                        StringBuilder line = new StringBuilder();
                        while (rs.next()) {
                            line.setLength(0);
                            Csv.row(line, List.of(rs.getObject(1, java.time.OffsetDateTime.class).toInstant().toString(), rs.getString(2),
                                    rs.getString(3), rs.getObject(4).toString(), rs.getString(5), rs.getInt(6), rs.getInt(7),
                                    rs.getString(8), rs.getString(9), rs.getBoolean(10), rs.getBoolean(11), rs.getBoolean(12)));
                            w.write(line.toString());
                        }
                    }
                }
                c.commit();
            } catch (SQLException e) {
                throw new java.io.IOException("admissions export failed", e);
            }
            w.flush();
        };
    }

    private static String rate(double r) {
        return String.format(Locale.ROOT, "%.4f", r);
    }
}
