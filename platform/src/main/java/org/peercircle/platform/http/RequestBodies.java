package org.peercircle.platform.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Reads the body of a small write request to the API on the I/O thread before a blocking endpoint is invoked.
 * Without it the worker thread deserialising the JSON waits for the bytes, which the I/O thread hands over to it chunk
 * by chunk; that hand-over was about a tenth of the CPU of a form submission. Only bodies that announce a length up to
 * {@link #MAX_BUFFERED} are read ahead (our JSON documents are a few hundred bytes), so a client, signed in or not,
 * cannot make a replica hold more than that per request before its token is checked; larger or chunked bodies are
 * streamed to the endpoint as before.
 */
@ApplicationScoped
public class RequestBodies {

    static final int MAX_BUFFERED = 64 * 1024;

    void buffer(@Observes Filters filters) {
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(MAX_BUFFERED);
        filters.register(rc -> {
            if (readAhead(rc.request().method(), rc.request().getHeader(HttpHeaders.CONTENT_LENGTH), rc.normalizedPath())) {
                bodies.handle(rc);
            } else {
                rc.next();
            }
        }, 100);
    }

    static boolean readAhead(HttpMethod method, String contentLength, String path) {
        if (method != HttpMethod.POST && method != HttpMethod.PUT && method != HttpMethod.PATCH
                || contentLength == null || !path.startsWith("/api/")) {
            return false;
        }
        try {
            long length = Long.parseLong(contentLength.trim());
            return length > 0 && length <= MAX_BUFFERED;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
