package io.duban.org.apiclient;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** API shapes of API clients. */
public final class ApiClientDtos {

    private ApiClientDtos() {
    }

    public record ApiClientRequest(@Schema(description = "at most 100 characters") String name,
                                   @Schema(enumeration = {"unit", "viewer"}) String role,
                                   @Schema(description = "required for role unit") String unitId) {
    }

    /** A client as listed; {@code clientSecret} only in the answer that created or rotated it. */
    public record ApiClientView(String id, String clientId, @Schema(description = "shown once") String clientSecret, String name,
                                String role, String unitId, boolean active) {

        static ApiClientView from(ApiClient c, String secret) {
            return new ApiClientView(c.id.toString(), c.clientId, secret, c.name, c.role,
                    c.unitId == null ? null : c.unitId.toString(), c.active);
        }
    }

    public record ClientSecret(@Schema(description = "shown once") String clientSecret) {
    }
}
