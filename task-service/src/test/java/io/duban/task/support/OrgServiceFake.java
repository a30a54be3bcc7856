package io.duban.task.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Starts {@link FakeOrgService} once for every @QuarkusTest of the module. */
@QuarkusTestResource(FakeOrgService.class)
public final class OrgServiceFake {

    private OrgServiceFake() {
    }
}
