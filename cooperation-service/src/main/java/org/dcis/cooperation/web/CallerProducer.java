package org.dcis.cooperation.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;

import org.dcis.cooperation.shared.Caller;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/** The caller of the current request, from the verified access token only. */
@RequestScoped
public class CallerProducer {
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    CallerProducer(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    @Produces
    @RequestScoped
    Caller caller() {
        Object post = token.getClaim("post_id");
        return new Caller(token.getSubject(), token.getClaim("preferred_username"),
                post == null ? null : post.toString(), identity.getRoles());
    }
}
