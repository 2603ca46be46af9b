package org.grandjour.stats;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Counted in persons, but for {@code doorFullScans} (scans). */
@Schema(description = "Entries offered, booked, cancelled, admitted; rates as fractions (0.7 = 70%)")
public record Figures(
        @Schema(required = true, description = "Sum of capacities") long offered,
        @Schema(required = true, description = "Persons on live tickets") long booked,
        @Schema(required = true, description = "Live tickets") long tickets,
        @Schema(required = true, description = "Persons on cancelled tickets") long cancelled,
        @Schema(required = true, description = "Persons admitted at the door") long admitted,
        @Schema(required = true, description = "Persons booked on days that are over and not admitted") long noShows,
        @Schema(required = true, description = "booked / offered") double claimRate,
        @Schema(required = true, description = "admitted / booked") double redemptionRate,
        @Schema(required = true, description = "Scans refused as DOOR_FULL (a scan, not persons): the party held a ticket but the "
                + "door had reached its capacity (overbooked offers only)") long doorFullScans) {

    static Figures of(long offered, long booked, long tickets, long cancelled, long admitted, long noShows, long doorFullScans) {
        return new Figures(offered, booked, tickets, cancelled, admitted, noShows, ratio(booked, offered), ratio(admitted, booked),
                doorFullScans);
    }

    Figures plus(Figures o) {
        return of(offered + o.offered, booked + o.booked, tickets + o.tickets, cancelled + o.cancelled, admitted + o.admitted,
                noShows + o.noShows, doorFullScans + o.doorFullScans);
    }

    static final Figures ZERO = of(0, 0, 0, 0, 0, 0, 0);

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 10000.0 / whole) / 10000.0;
    }
}
