package org.grandjour.common;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Dates and instants the API accepts lie in years 1900..9999. Java reads far more (year +999999999, an
 * epoch day of 2147483647), which PostgreSQL cannot store or which overflow the day arithmetic, and used
 * to end as a 500. Checked where they are read, so the problem names the field.
 */
public final class DateRanges {
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 9999;
    /** The first and last instants kept by {@link #clamp}, whole seconds so the database stores them as they are. */
    public static final Instant FIRST_INSTANT = LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    public static final Instant LAST_INSTANT = LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
    static final String MESSAGE = "must be a date between years " + FIRST_YEAR + " and " + LAST_YEAR;

    private DateRanges() {
    }

    public static boolean inRange(LocalDate day) {
        return day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR;
    }

    public static boolean inRange(Instant instant) {
        return inRange(LocalDate.ofInstant(instant, ZoneOffset.UTC));
    }

    /** The nearest accepted instant: for a time that must be kept (a device's clock) even when it is absurd. */
    public static Instant clamp(Instant instant) {
        return instant.isBefore(FIRST_INSTANT) ? FIRST_INSTANT : instant.isAfter(LAST_INSTANT) ? LAST_INSTANT : instant;
    }

    /** A JSON value that is a well-formed date, or not a date at all, outside the accepted years. */
    public static class OutOfRange extends InvalidFormatException {
        OutOfRange(JsonParser p, Object value, Class<?> type) {
            super(p, MESSAGE, value, type);
        }
    }

    @Singleton
    public static class Json implements ObjectMapperCustomizer {
        /** Applied last, so these deserializers take over from Jackson's own java.time ones. */
        @Override
        public int priority() {
            return MINIMUM_PRIORITY;
        }

        @Override
        public void customize(ObjectMapper mapper) {
            mapper.registerModule(new SimpleModule("date-ranges")
                    .addDeserializer(LocalDate.class, new Checked<>(LocalDateDeserializer.INSTANCE, LocalDate.class, DateRanges::inRange))
                    .addDeserializer(Instant.class, new Checked<>(InstantDeserializer.INSTANT, Instant.class, DateRanges::inRange)));
        }
    }

    private static final class Checked<T> extends JsonDeserializer<T> {
        private final JsonDeserializer<T> inner;
        private final Class<T> type;
        private final java.util.function.Predicate<T> ok;

        Checked(JsonDeserializer<T> inner, Class<T> type, java.util.function.Predicate<T> ok) {
            this.inner = inner;
            this.type = type;
            this.ok = ok;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            String text = p.getText();
            T value;
            try {
                value = inner.deserialize(p, ctx);
            } catch (DateTimeException | ArithmeticException e) { // e.g. epoch day 2147483647
                throw new OutOfRange(p, text, type);
            }
            if (value != null && !ok.test(value)) {
                throw new OutOfRange(p, text, type);
            }
            return value;
        }

        @Override
        public Class<?> handledType() {
            return type;
        }
    }
}
