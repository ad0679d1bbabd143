package org.dcis.gateway.web;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;

import org.dcis.gateway.GatewayConfig;

/** Where a browser lands: the home of the user's main role, the language switch, and the page after logout. */
@Path("/")
public class HomePage extends PageSupport {
    @Inject
    GatewayConfig config;

    /** The bare host sends browsers to the web app (API clients use /api and never land here). */
    @GET
    @PermitAll
    public Response root() {
        return Response.seeOther(URI.create("/app/")).build();
    }

    @GET
    @Path("app")
    public Response app() {
        return Response.seeOther(URI.create("/app/")).build();
    }

    /** Headquarters first, then the officer's post, then the registry: a person with several roles has them all in the bar. */
    @GET
    @Path("app/")
    @Produces(MediaType.TEXT_HTML)
    public Response home() {
        if (user.areas().isEmpty()) {
            throw new PageRefused(403, "None of your roles uses the web app");
        }
        return Response.seeOther(URI.create("/app/" + user.areas().get(0))).build();
    }

    /** Switches the language and goes back to the page; only a path of the web app is followed (no open redirect). */
    @GET
    @Path("app/lang")
    public Response language(@QueryParam("to") String to, @QueryParam("back") String back) {
        var locale = Locales.supported(to);
        String target = back != null && back.startsWith("/app/") && !back.startsWith("//") ? back : "/app/";
        var redirect = Response.seeOther(URI.create(target));
        if (locale != null) {
            redirect.cookie(new NewCookie.Builder(Locales.COOKIE).value(locale.getLanguage()).path("/")
                    .maxAge(365 * 24 * 3600).httpOnly(true).secure(config.web().secureCookies())
                    .sameSite(NewCookie.SameSite.LAX).build());
        }
        return redirect.build();
    }

    /** After the Keycloak session has ended: public, holds nothing of the user. */
    @GET
    @Path("signed-out")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance signedOut() {
        var locale = locale();
        return engine.getTemplate("signed-out").instance().setLocale(locale).data("lang", locale.getLanguage())
                .data("user", null).data("area", "").data("here", "/app/").data("hereEncoded", "%2Fapp%2F");
    }
}
