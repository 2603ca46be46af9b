package org.grandjour.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * A body over quarkus.http.limits.max-body-size answers 413 problem+json like every other client mistake.
 * Quarkus' own limit writes a bare 413 straight to the connection (its Content-Length check, and the
 * JAX-RS body reader for a chunked body), which no exception mapper or failure handler ever sees; so the
 * limit is applied here first, with the same size:
 * <ul>
 * <li>an announced length over it is answered at once, before any byte of the body is read;</li>
 * <li>a chunked body (no length announced) is read by Vert.x' body handler, which fails the request with
 * 413 as soon as the bytes received pass the limit. Within it, the JAX-RS layer takes the body already read
 * (it does for blocking endpoints, which all body-taking endpoints here are; a non-blocking one would see
 * an empty body after this handler).</li>
 * </ul>
 * Bodies with a length are left to stream to the JAX-RS layer as before.
 */
@ApplicationScoped
public class OversizedBodies {
    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        // no multipart uploads in this API: nothing is ever written to disk
        BodyHandler chunked = BodyHandler.create(false).setBodyLimit(limit).setMergeFormAttributes(false);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null) {
                if (announcedOver(length, limit)) {
                    answer(ctx);
                } else {
                    ctx.next();
                }
                return;
            }
            if (ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING) == null) {
                ctx.next(); // no body
                return;
            }
            // the body handler would answer a 100-continue, and then the JAX-RS layer a second one: answer it once here
            if ("100-continue".equalsIgnoreCase(ctx.request().getHeader(HttpHeaders.EXPECT))) {
                ctx.response().writeContinue();
                ctx.request().headers().remove(HttpHeaders.EXPECT);
            }
            chunked.handle(ctx);
        }).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                answer(ctx);
            } else {
                ctx.next();
            }
        });
    }

    private static boolean announcedOver(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // not ours to judge: the HTTP layer refuses a malformed length
        }
    }

    private static void answer(RoutingContext ctx) {
        ProblemType t = ProblemType.PAYLOAD_TOO_LARGE;
        Problem problem = new Problem(t.uri(), t.title(), t.status(),
                "The request body is larger than this API accepts.", ctx.normalizedPath(), null, null, null, null);
        // the rest of the body is not read: the connection is closed once the answer is out
        ctx.response().setStatusCode(t.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(v -> ctx.request().connection().close())
                .end(Json.encode(problem));
    }
}
