package io.duban.common.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * {@code Location} headers as paths relative to the service's root. JAX-RS makes a location
 * absolute with the request's {@code Host} header, which any client chooses ({@code Host:
 * evil.example} would be reflected); a relative reference is resolved by the client against the
 * URL it actually called (RFC 9110 §10.2.2).
 */
public final class Locations {

    private Locations() {
    }

    /** A 201 Created pointing at {@code path} (starting with {@code /}). */
    public static Response.ResponseBuilder created(String path) {
        return at(Response.status(Response.Status.CREATED), path);
    }

    /** Adds a {@code Location} of {@code path} to any response. */
    public static Response.ResponseBuilder at(Response.ResponseBuilder response, String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a location is a path from the root: " + path);
        }
        return response.header(HttpHeaders.LOCATION, path);
    }
}
