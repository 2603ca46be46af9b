package org.grandjour.stats;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.grandjour.common.Causes;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * A dashboard closed, a phone gone to sleep, a proxy timing out: the next event written to that stream
 * fails, and RESTEasy logs it at ERROR with a stack trace ("impossible to send it to client"). That is
 * the normal end of a stream, not a fault: such records are logged here at DEBUG instead. Any other
 * failure of a stream still reaches the log as it was.
 */
@ApplicationScoped
public class StreamDisconnects implements Filter {
    private static final Logger LOG = Logger.getLogger(StreamDisconnects.class);
    /** Where RESTEasy Reactive and Mutiny report a failed write to a stream. */
    static final List<String> SOURCES = List.of("org.jboss.resteasy.reactive.server.handlers.PublisherResponseHandler",
            "io.quarkus.mutiny.runtime.MutinyInfrastructure");

    void install(@Observes StartupEvent start) {
        for (String source : SOURCES) {
            java.util.logging.Logger.getLogger(source).setFilter(this);
        }
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record.getLevel().intValue() < Level.WARNING.intValue() || !isDisconnect(record.getThrown())) {
            return true;
        }
        LOG.debugf("live stream closed by the client: %s", record.getThrown());
        return false;
    }

    /** The client went away: a closed or reset connection anywhere in the cause chain. */
    static boolean isDisconnect(Throwable failure) {
        return Causes.any(failure, t -> {
            String name = t.getClass().getName();
            String message = String.valueOf(t.getMessage());
            return t instanceof ClosedChannelException || name.equals("io.vertx.core.http.HttpClosedException")
                    || name.equals("io.netty.channel.StacklessClosedChannelException")
                    || message.contains("Connection was closed") || message.contains("Broken pipe")
                    || message.contains("Connection reset") || (t instanceof IOException && message.contains("closed"));
        });
    }
}
