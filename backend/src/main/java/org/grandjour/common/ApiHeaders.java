package org.grandjour.common;

import java.lang.reflect.AnnotatedElement;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.security.Authenticated;

/**
 * Headers every API answer carries. {@code nosniff}: a browser must take a body for what its Content-Type
 * says (a problem+json is never run as a script). Caching: anything personal or role-bound (tickets, QR
 * codes, PDFs, figures, errors) is {@code no-store}, so no shared or back-button cache keeps it; public
 * reads (editions, offers, territories, ticket keys) are {@code no-cache}. A resource that sets its own
 * Cache-Control (the door list, with its ETag) keeps it.
 */
public class ApiHeaders {
    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        if (!request.getUriInfo().getPath().startsWith("/api")) {
            return;
        }
        var headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        if (headers.containsKey("Cache-Control")) {
            return;
        }
        boolean publicRead = "GET".equals(request.getMethod()) && response.getStatus() < 300 && isPublic(resource);
        headers.putSingle("Cache-Control", publicRead ? "no-cache" : "no-store");
    }

    private static boolean isPublic(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return false;
        }
        AnnotatedElement method = resource.getResourceMethod();
        if (method.isAnnotationPresent(PermitAll.class)) {
            return true;
        }
        return !secured(method) && !secured(resource.getResourceClass());
    }

    private static boolean secured(AnnotatedElement e) {
        return e != null && (e.isAnnotationPresent(Authenticated.class) || e.isAnnotationPresent(RolesAllowed.class));
    }
}
