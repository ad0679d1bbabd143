package org.dcis.platform.security;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The caller of the current request, from the verified access token only. Request scoped, so singleton
 * resources that inject it always see the caller of the request they serve.
 */
@RequestScoped
public class CurrentCaller {
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    CurrentCaller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public Caller get() {
        Object post = token.getClaim("post_id");
        Object username = token.getClaim("preferred_username");
        return new Caller(token.getSubject(), username == null ? null : username.toString(),
                post == null ? null : post.toString(), identity.getRoles());
    }
}
