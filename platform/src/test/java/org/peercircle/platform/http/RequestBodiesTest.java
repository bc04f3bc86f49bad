package org.peercircle.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.vertx.core.http.HttpMethod;

/** Which requests have their body read ahead on the I/O thread (the services' REST tests exercise the rest). */
class RequestBodiesTest {

    @Test
    void smallWritesToTheApiAreReadAhead() {
        assertThat(RequestBodies.readAhead(HttpMethod.POST, "212", "/api/v1/administrations")).isTrue();
        assertThat(RequestBodies.readAhead(HttpMethod.PATCH, " 40 ", "/api/v1/participants/x")).isTrue();
        assertThat(RequestBodies.readAhead(HttpMethod.PUT, "65536", "/api/v1/centres/x/eligibility-rule")).isTrue();
    }

    @Test
    void everythingElseIsStreamedAsBefore() {
        assertThat(RequestBodies.readAhead(HttpMethod.GET, "10", "/api/v1/participants")).isFalse();
        assertThat(RequestBodies.readAhead(HttpMethod.POST, null, "/api/v1/administrations")).as("chunked").isFalse();
        assertThat(RequestBodies.readAhead(HttpMethod.POST, "0", "/api/v1/administrations")).isFalse();
        assertThat(RequestBodies.readAhead(HttpMethod.POST, "65537", "/api/v1/administrations")).as("large").isFalse();
        assertThat(RequestBodies.readAhead(HttpMethod.POST, "x", "/api/v1/administrations")).isFalse();
        assertThat(RequestBodies.readAhead(HttpMethod.POST, "10", "/q/health")).isFalse();
    }
}
