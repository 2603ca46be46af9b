package org.grandjour.scan;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

/**
 * A scan's {@code scannedAt}, by the device's clock, read whatever year it says. Elsewhere a date outside
 * years 1900..9999 is a 400 (common/DateRanges); here it would refuse a whole offline batch for one scan
 * made with a broken clock, and the phone could never clear its queue. So the time is taken as sent
 * (a year too large even for Java counts as the far end of time, either way), and the scan service
 * judges it: BAD_SCAN_TIME for an offline scan, ignored for an online one.
 */
public final class DeviceTime extends JsonDeserializer<Instant> {
    /** An ISO date-time with a year beyond what an Instant holds (past +/-1,000,000,000). */
    private static final Pattern HUGE_YEAR = Pattern.compile("\\s*([+-]?)\\d{10,}-\\d{2}-\\d{2}T.*");

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
        JsonToken token = p.currentToken();
        String text = p.getText();
        try {
            return InstantDeserializer.INSTANT.deserialize(p, ctx);
        } catch (InvalidFormatException | DateTimeException | ArithmeticException e) {
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                return text.startsWith("-") ? Instant.MIN : Instant.MAX;
            }
            Matcher huge = HUGE_YEAR.matcher(text);
            if (token == JsonToken.VALUE_STRING && huge.matches()) {
                return "-".equals(huge.group(1)) ? Instant.MIN : Instant.MAX;
            }
            if (e instanceof InvalidFormatException invalid) {
                throw invalid;
            }
            throw InvalidFormatException.from(p, "not a date-time", text, Instant.class);
        }
    }

    @Override
    public Class<?> handledType() {
        return Instant.class;
    }
}
