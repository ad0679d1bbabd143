package org.dcis.devstack.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.awaitility.Awaitility;
import org.dcis.devstack.DevstackException;
import org.dcis.devstack.KeycloakTokens;

/**
 * Forged and misused tokens for the attack battery that the gateway and every service must answer
 * with 401. Built with the JDK only (java.security, javax.crypto), so that no JWT library's safety
 * rails get in the way of forging what an attacker would send.
 * <p>
 * Each {@link Attack} carries the whole {@code Authorization} header value (null: no header at all).
 * Where the realm can issue the misused token itself (an ID token, a token of another realm of the same
 * Keycloak) the battery uses that real, Keycloak-signed token; claims that Keycloak will not put wrong
 * (issuer, audience, expiry, not-before) are forged with a key of our own.
 */
public final class AttackTokens {
    /** One attack: a name for the report and the Authorization header to send (null for none). */
    public record Attack(String name, String authorization) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    /** Bootstrap administrator of the devstack's Keycloak (see KeycloakServer): lives in the master realm. */
    private static final String MASTER_ADMIN = "admin";
    /** Machine clients the battery adds to the running test realm (admin API), never to the realm file. */
    private static final String NO_AUDIENCE_CLIENT = "attack-lab-no-audience";
    private static final String SHORT_LIVED_CLIENT = "attack-lab-short-lived";
    private static final String LAB_SECRET = "attack-lab-secret";
    /** The clock skew the gateway and services allow (quarkus.oidc.token.lifespan-grace). */
    private static final long SKEW_SECONDS = 10;

    private final String issuer;
    private final KeyPair ownKey;
    private final String ownKid = "attacker-" + UUID.randomUUID();
    private JsonNode realmKey;

    public AttackTokens(String issuer) {
        this.issuer = issuer;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.ownKey = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new DevstackException("No RSA key generator", e);
        }
    }

    /** The whole battery, derived from fresh real tokens of {@code username} (a demo user). */
    public List<Attack> battery(KeycloakTokens tokens, String username) {
        JsonNode grant = tokens.passwordGrant(username, KeycloakTokens.DEMO_PASSWORD, "openid");
        String access = grant.path("access_token").asText();
        String id = grant.path("id_token").asText();
        List<Attack> attacks = new ArrayList<>();
        attacks.add(new Attack("no token", null));
        attacks.add(new Attack("empty bearer", "Bearer "));
        attacks.add(new Attack("malformed: not a JWT", "Bearer not-a-jwt"));
        attacks.add(new Attack("malformed: two parts", "Bearer " + access.substring(0, access.lastIndexOf('.'))));
        attacks.add(new Attack("malformed: garbage segments", "Bearer eyJ!!.eyJ??.AAAA"));
        attacks.add(new Attack("malformed: signature cut short", "Bearer " + access.substring(0, access.length() - 12)));
        attacks.add(new Attack("password as Basic credentials", "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + KeycloakTokens.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8))));
        attacks.add(bearer("alg none, no signature", algNone(access, false)));
        attacks.add(bearer("alg none, real signature kept", algNone(access, true)));
        attacks.add(bearer("HS256 signed with the realm public key (DER)", hmacWithRealmKey(access, false)));
        attacks.add(bearer("HS256 signed with the realm public key (PEM)", hmacWithRealmKey(access, true)));
        attacks.add(bearer("tampered payload: extra role", tampered(access, claims -> ((ArrayNode) claims
                .with("realm_access").withArray("roles")).add("registry-admin"))));
        attacks.add(bearer("tampered payload: other post", tampered(access, claims -> claims.put("post_id", "CO-BOGOTA"))));
        attacks.add(bearer("tampered payload: later expiry", tampered(access,
                claims -> claims.put("exp", claims.path("exp").asLong() + 3600))));
        attacks.add(bearer("unknown kid, own RSA key", signWithOwnKey(access, ownKid, claims -> {
        })));
        attacks.add(bearer("realm kid, own RSA key", signWithOwnKey(access, realmKid(), claims -> {
        })));
        attacks.add(bearer("no kid, own RSA key", signWithOwnKey(access, null, claims -> {
        })));
        attacks.add(bearer("wrong issuer", signWithOwnKey(access, ownKid,
                claims -> claims.put("iss", "https://attacker.example/realms/dcis"))));
        attacks.add(bearer("wrong audience", signWithOwnKey(access, ownKid, claims -> claims.put("aud", "account"))));
        attacks.add(bearer("missing audience", signWithOwnKey(access, ownKid, claims -> claims.remove("aud"))));
        attacks.add(bearer("expired", signWithOwnKey(access, ownKid, claims -> {
            long now = Instant.now().getEpochSecond();
            claims.put("iat", now - 3600).put("exp", now - 600);
        })));
        attacks.add(bearer("nbf in the future", signWithOwnKey(access, ownKid,
                claims -> claims.put("nbf", Instant.now().getEpochSecond() + 600))));
        attacks.add(bearer("real ID token used as access token", id));
        attacks.add(bearer("real token of another realm (master) of the same Keycloak", otherRealmToken()));
        attacks.add(bearer("real token of a realm client without the dcis-api audience, role registry-admin",
                realTokenWithoutAudience()));
        attacks.add(bearer("real token, expired (Keycloak-signed, 1 s lifetime)", realExpiredToken()));
        return attacks;
    }

    private static Attack bearer(String name, String token) {
        return new Attack(name, "Bearer " + token);
    }

    /** The real token's payload under an {@code alg: none} header. */
    public static String algNone(String realToken, boolean keepSignature) {
        String[] parts = realToken.split("\\.");
        String header = encode(JSON.createObjectNode().put("alg", "none").put("typ", "JWT"));
        return header + "." + parts[1] + "." + (keepSignature ? parts[2] : "");
    }

    /** The real token re-signed with HMAC-SHA256, the realm's RSA public key bytes used as the secret. */
    public String hmacWithRealmKey(String realToken, boolean pem) {
        JsonNode key = realmKey();
        byte[] der = rsaPublicKey(key).getEncoded();
        byte[] secret = pem
                ? ("-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.US_ASCII)
                : der;
        ObjectNode header = JSON.createObjectNode().put("alg", "HS256").put("typ", "JWT").put("kid", key.path("kid").asText());
        String signingInput = encode(header) + "." + realToken.split("\\.")[1];
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return signingInput + "." + B64URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new DevstackException("HMAC failed", e);
        }
    }

    /** The real token with a claim changed and Keycloak's signature kept. */
    public static String tampered(String realToken, Consumer<ObjectNode> change) {
        String[] parts = realToken.split("\\.");
        ObjectNode claims = (ObjectNode) KeycloakTokens.claims(realToken);
        change.accept(claims);
        return parts[0] + "." + encode(claims) + "." + parts[2];
    }

    /** The real token's claims, changed, signed RS256 with a key of our own under header {@code kid}. */
    public String signWithOwnKey(String realToken, String kid, Consumer<ObjectNode> change) {
        ObjectNode claims = (ObjectNode) KeycloakTokens.claims(realToken);
        change.accept(claims);
        ObjectNode header = JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT");
        if (kid != null) {
            header.put("kid", kid);
        }
        return rs256(header, claims, ownKey.getPrivate());
    }

    /** Every kid of the realm's JWKS now (several while keys rotate). */
    public List<String> realmKids() {
        List<String> kids = new ArrayList<>();
        send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/certs")).GET())
                .path("keys").forEach(key -> kids.add(key.path("kid").asText()));
        return kids;
    }

    /** The kid of the realm's RS256 signing key, as published in its JWKS. */
    public String realmKid() {
        return realmKey().path("kid").asText();
    }

    /**
     * A real, Keycloak-signed access token of the bootstrap administrator of the master realm: same
     * server, other issuer and keys. Null when this Keycloak has no such administrator.
     */
    public String otherRealmToken() {
        String base = issuer.substring(0, issuer.indexOf("/realms/"));
        String form = "grant_type=password&client_id=admin-cli&username=" + MASTER_ADMIN + "&password="
                + URLEncoder.encode(MASTER_ADMIN, StandardCharsets.UTF_8);
        JsonNode answer = send(HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        String token = answer.path("access_token").asText(null);
        if (token == null) {
            throw new DevstackException("The master realm gave no token: " + answer);
        }
        return token;
    }

    /**
     * A real token signed by the realm for a machine client that has every power but the audience: the
     * client {@value #NO_AUDIENCE_CLIENT} (created on first use through the admin API of the devstack's
     * Keycloak, not in the realm file) lacks the dcis-api-audience scope and its service account holds
     * registry-admin. Exactly the "token issued to another client of the same realm" bypass.
     */
    public String realTokenWithoutAudience() {
        ensureClient(NO_AUDIENCE_CLIENT, "[\"basic\",\"roles\"]", null, "registry-admin");
        return clientCredentials(NO_AUDIENCE_CLIENT);
    }

    /**
     * A real token signed by the realm, with the dcis-api audience, that has expired: the client
     * {@value #SHORT_LIVED_CLIENT} gets 1-second tokens; this waits until one is past the 10 s clock skew
     * the services allow (about 12 s).
     */
    public String realExpiredToken() {
        ensureClient(SHORT_LIVED_CLIENT, "[\"basic\",\"roles\",\"dcis-api-audience\"]", "1", "officer");
        String token = clientCredentials(SHORT_LIVED_CLIENT);
        long expiry = KeycloakTokens.claims(token).path("exp").asLong();
        Awaitility.await("token past its expiry and the allowed skew").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Instant.now().getEpochSecond() > expiry + SKEW_SECONDS + 1);
        return token;
    }

    /**
     * A real, valid token of the realm with the dcis-api audience and the officer role that expires one second after
     * it is issued (client {@value #SHORT_LIVED_CLIENT}): what a cache of verified tokens must stop accepting once it
     * is past its expiry and the allowed clock skew.
     */
    public String realShortLivedToken() {
        ensureClient(SHORT_LIVED_CLIENT, "[\"basic\",\"roles\",\"dcis-api-audience\"]", "1", "officer");
        return clientCredentials(SHORT_LIVED_CLIENT);
    }

    private String clientCredentials(String clientId) {
        return send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + clientId
                        + "&client_secret=" + LAB_SECRET))).path("access_token").asText();
    }

    private synchronized void ensureClient(String clientId, String defaultScopes, String lifespan, String role) {
        String base = issuer.substring(0, issuer.indexOf("/realms/"));
        String admin = "/admin/realms/" + issuer.substring(issuer.indexOf("/realms/") + "/realms/".length());
        String adminToken = masterAdminToken();
        JsonNode existing = send(authorized(base + admin + "/clients?clientId=" + clientId, adminToken).GET());
        if (existing.size() > 0) {
            return;
        }
        ObjectNode client = JSON.createObjectNode()
                .put("clientId", clientId).put("enabled", true).put("publicClient", false)
                .put("secret", LAB_SECRET).put("serviceAccountsEnabled", true)
                .put("standardFlowEnabled", false).put("directAccessGrantsEnabled", false);
        try {
            client.set("defaultClientScopes", JSON.readTree(defaultScopes));
        } catch (IOException e) {
            throw new DevstackException("Bad scope list", e);
        }
        client.putArray("optionalClientScopes");
        if (lifespan != null) {
            client.putObject("attributes").put("access.token.lifespan", lifespan);
        }
        sendExpecting(authorized(base + admin + "/clients", adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client.toString())), 201);
        String id = send(authorized(base + admin + "/clients?clientId=" + clientId, adminToken).GET()).path(0).path("id").asText();
        String user = send(authorized(base + admin + "/clients/" + id + "/service-account-user", adminToken).GET())
                .path("id").asText();
        JsonNode realmRole = send(authorized(base + admin + "/roles/" + role, adminToken).GET());
        sendExpecting(authorized(base + admin + "/users/" + user + "/role-mappings/realm", adminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + realmRole + "]")), 204);
    }

    private static HttpRequest.Builder authorized(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
    }

    private String masterAdminToken() {
        return otherRealmToken();
    }

    private static void sendExpecting(HttpRequest.Builder request, int status) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != status) {
                throw new DevstackException("Keycloak admin API answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new DevstackException("Keycloak unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevstackException("Interrupted", e);
        }
    }

    private synchronized JsonNode realmKey() {
        if (realmKey == null) {
            JsonNode jwks = send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/certs")).GET());
            for (JsonNode key : jwks.path("keys")) {
                if ("RSA".equals(key.path("kty").asText()) && "RS256".equals(key.path("alg").asText(""))
                        && !"enc".equals(key.path("use").asText())) {
                    realmKey = key;
                }
            }
            if (realmKey == null) {
                throw new DevstackException("No RS256 signing key in the realm's JWKS: " + jwks);
            }
        }
        return realmKey;
    }

    private static PublicKey rsaPublicKey(JsonNode jwk) {
        Base64.Decoder decoder = Base64.getUrlDecoder();
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                    new BigInteger(1, decoder.decode(jwk.path("n").asText())),
                    new BigInteger(1, decoder.decode(jwk.path("e").asText()))));
        } catch (GeneralSecurityException e) {
            throw new DevstackException("Unusable RSA key in the JWKS", e);
        }
    }

    private static String rs256(ObjectNode header, ObjectNode claims, PrivateKey key) {
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new DevstackException("RS256 signing failed", e);
        }
    }

    private static String encode(JsonNode json) {
        try {
            return B64URL.encodeToString(JSON.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new DevstackException("Unserializable JSON", e);
        }
    }

    private static JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new DevstackException("Keycloak answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new DevstackException("Keycloak unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevstackException("Interrupted", e);
        }
    }

    /** For reports: the realm this battery attacks. */
    public String issuer() {
        return issuer;
    }
}
