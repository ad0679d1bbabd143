package org.dcis.gateway;

import org.dcis.devstack.testing.KeycloakResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * The real servers every gateway test runs against, shared by all test classes (global scope): the
 * devstack's Keycloak for real signed tokens, and two recording HTTP servers standing in for
 * posts-service and cooperation-service.
 */
@WithTestResource(value = KeycloakResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RecordingDownstreamResource.class, scope = TestResourceScope.GLOBAL)
public final class TestServers {
    private TestServers() {
    }
}
