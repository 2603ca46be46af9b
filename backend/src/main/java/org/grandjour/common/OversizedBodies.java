package org.grandjour.common;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;

/**
 * A body above quarkus.http.limits.max-body-size is refused by the HTTP layer before any JAX-RS code runs,
 * with a bare 413 and no body. This failure handler answers it like every other client mistake: a
 * problem+json saying what the limit is about. It runs first among the failure handlers, and leaves every
 * other failure to Quarkus.
 */
@ApplicationScoped
public class OversizedBodies {
    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.statusCode() != 413 || ctx.response().ended() || ctx.response().headWritten()) {
                ctx.next();
                return;
            }
            String path = ctx.normalizedPath();
            Problem problem = new Problem(ProblemType.PAYLOAD_TOO_LARGE.uri(), ProblemType.PAYLOAD_TOO_LARGE.title(), 413,
                    "The request body is larger than this API accepts.", path, null, null, null, null);
            ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("X-Content-Type-Options", "nosniff").putHeader("Cache-Control", "no-store")
                    .putHeader("Connection", "close")
                    .end(Json.encode(problem));
        });
    }
}
