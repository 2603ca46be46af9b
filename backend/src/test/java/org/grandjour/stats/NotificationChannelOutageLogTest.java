package org.grandjour.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.enterprise.inject.Vetoed;

import org.grandjour.common.DedicatedConnections;
import org.junit.jupiter.api.Test;

/**
 * While the database is away the background loops try again and again; the log says so once per outage
 * (WARN when lost, INFO when back), each failed attempt in between only at DEBUG.
 */
class NotificationChannelOutageLogTest {

    /** Refuses to connect while told to; otherwise hands out a connection that does nothing. Not a bean. */
    @Vetoed
    static final class FlakyConnections extends DedicatedConnections {
        final AtomicInteger refusalsLeft = new AtomicInteger();

        @Override
        public Connection open() throws SQLException {
            if (refusalsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new SQLException("Connection refused", "08001");
            }
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> method.getReturnType() == boolean.class ? false : null);
        }
    }

    @Test
    void anOutageIsLoggedOnceWhenLostAndOnceWhenBack() throws Exception {
        FlakyConnections connections = new FlakyConnections();
        NotificationChannel channel = new NotificationChannel();
        channel.connections = connections;
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(NotificationChannel.class.getName());
        Level before = log.getLevel();
        log.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        log.addHandler(capture);
        try {
            AtomicInteger sessions = new AtomicInteger();
            Thread loop = channel.reconnecting("outage-test", () -> sessions.get() < 2, c -> {
                if (sessions.incrementAndGet() == 1) {
                    // the database goes away under the first session, and refuses three reconnections
                    connections.refusalsLeft.set(3);
                    throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
                }
            });
            loop.join(60_000);
            assertThat(loop.isAlive()).isFalse();
            assertThat(sessions.get()).isEqualTo(2);
        } finally {
            log.removeHandler(capture);
            log.setLevel(before);
        }
        List<LogRecord> ours = List.copyOf(records);
        assertThat(count(ours, Level.WARNING)).as(describe(ours)).isEqualTo(1);
        assertThat(count(ours, Level.INFO)).as(describe(ours)).isEqualTo(1);
        assertThat(ours.stream().filter(r -> r.getLevel().intValue() < Level.INFO.intValue()).count()).as(describe(ours)).isEqualTo(3);
        // in that order: lost, the quiet attempts, back
        assertThat(ours.get(0).getLevel().intValue()).isEqualTo(Level.WARNING.intValue());
        assertThat(ours.get(ours.size() - 1).getLevel().intValue()).isEqualTo(Level.INFO.intValue());
    }

    private static long count(List<LogRecord> records, Level level) {
        return records.stream().filter(r -> r.getLevel().intValue() == level.intValue()).count();
    }

    private static String describe(List<LogRecord> records) {
        return records.stream().map(r -> r.getLevel() + " " + r.getMessage()).toList().toString();
    }
}
