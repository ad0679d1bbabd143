package org.dcis.cooperation;

import org.dcis.cooperation.support.DatabaseLink;
import org.dcis.devstack.testing.KafkaResource;
import org.dcis.devstack.testing.KeycloakResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * The real servers every test of this service runs against, started once per test JVM by the devstack
 * and shared by all test classes (global scope, so Quarkus starts the application once). The service reaches
 * PostgreSQL through {@link DatabaseLink}, a TCP relay that a test cuts to play a database outage.
 */
@WithTestResource(value = DatabaseLink.Resource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "cooperation"))
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KeycloakResource.class, scope = TestResourceScope.GLOBAL)
public final class TestServers {
    private TestServers() {
    }
}
