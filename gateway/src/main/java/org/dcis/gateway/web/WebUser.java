package org.dcis.gateway.web;

import java.util.Base64;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The signed-in person as the pages need them: name, roles and, for an officer, their post. Read from the session's
 * access token, which Quarkus verified (signature, issuer, audience, expiry) when the session was opened or refreshed;
 * the services read the same claims from the same token.
 */
@RequestScoped
public class WebUser {
    public static final String ANALYST = "hq-analyst";
    public static final String OFFICER = "officer";
    public static final String ADMIN = "registry-admin";

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    private JsonNode claims;

    private JsonNode claims() {
        if (claims == null) {
            AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
            claims = token == null ? json.createObjectNode() : decode(token.getToken());
        }
        return claims;
    }

    private JsonNode decode(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            return json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (RuntimeException | java.io.IOException e) {
            return json.createObjectNode();
        }
    }

    public String username() {
        return claims().path("preferred_username").asText(identity.getPrincipal().getName());
    }

    public String displayName() {
        String name = claims().path("name").asText("");
        return name.isBlank() ? username() : name;
    }

    /** The officer's post (claim post_id), or empty for headquarters and the registry. */
    public String post() {
        return claims().path("post_id").asText("");
    }

    public boolean analyst() {
        return identity.hasRole(ANALYST);
    }

    public boolean officer() {
        return identity.hasRole(OFFICER);
    }

    public boolean admin() {
        return identity.hasRole(ADMIN);
    }

    /**
     * Refuses the page (403 page) unless the user has the role. Checked in each page method rather than with
     * {@code @RolesAllowed}, whose refusal is the API's problem+json, not a page.
     */
    public void require(String role) {
        if (!identity.hasRole(role)) {
            throw new PageRefused(403, "The page needs the role " + role);
        }
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    /** The pages this person may open, in the order of the navigation bar. */
    public List<String> areas() {
        return List.of(analyst() ? "network" : "", officer() ? "cases" : "", admin() ? "registry" : "")
                .stream().filter(area -> !area.isEmpty()).toList();
    }
}
