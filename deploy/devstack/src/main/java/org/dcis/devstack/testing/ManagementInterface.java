package org.dcis.devstack.testing;

import java.net.URI;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * The management interface of the service under test (health, metrics), on its own port: the API port has
 * none of it. Paths stay those of production ({@code /q/health/ready}).
 */
public final class ManagementInterface {
    private ManagementInterface() {
    }

    public static RequestSpecification given() {
        return RestAssured.given().baseUri(base()).port(uri().getPort()).basePath("");
    }

    /** The port Quarkus bound for the management interface in this test run. */
    public static int port() {
        return uri().getPort();
    }

    private static String base() {
        URI uri = uri();
        return uri.getScheme() + "://" + uri.getHost();
    }

    private static URI uri() {
        return URI.create(ConfigProvider.getConfig().getValue("test.management.url", String.class));
    }
}
