package io.duban.report.support;

import io.duban.testing.RestApi;
import io.duban.testing.Tokens;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Calls report-service as the tests' users. */
public final class Api extends RestApi {

    private Api() {
    }

    /** Follows the fake feed to its end (as a system token). */
    public static ValidatableResponse sync() {
        return as(Tokens.system("*")).post("/api/v1/admin/projection/sync").then();
    }

    public static ValidatableResponse obligations(String region, String asOf, String... query) {
        RequestSpecification r = supervisor(region).queryParam("asOf", asOf);
        for (int i = 0; i + 1 < query.length; i += 2) {
            r = r.queryParam(query[i], query[i + 1]);
        }
        return r.get(base(region) + "/obligations").then();
    }
}
