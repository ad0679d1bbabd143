package org.dcis.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Identities of bearer tokens that quarkus-oidc has verified, so that the same token presented again is not
 * parsed and its RS256 signature checked again on every request (the profile of the gateway under load put 32 % of
 * its CPU there: jose4j's JSON parser, Base64 and the RSA verification).
 * <p>
 * What makes this no weaker than verifying every time:
 * <ul>
 * <li>Only identities that passed every check of quarkus-oidc (signature, issuer, audience, typ, algorithm,
 * expiry) are stored; a token that failed is never stored, so it is verified again (and refused again) each time.</li>
 * <li>The key is the SHA-256 of the token's exact characters: a token changed in a single character (tampered
 * claims, another signature, another algorithm in the header) has another key and goes through quarkus-oidc. A
 * collision would need a second pre-image of SHA-256.</li>
 * <li>An entry is used only while the token is within its lifetime as quarkus-oidc judges it: until {@code exp}
 * plus the same allowed clock skew ({@code quarkus.oidc.token.lifespan-grace}), checked on every hit; past it the
 * entry is dropped and the token goes to quarkus-oidc, which refuses it.</li>
 * <li>A key removed from the realm stays trusted for tokens already verified with it until they expire; so does
 * quarkus-oidc itself, which refreshes its JWKS only on an unknown kid, so nothing is lost there either.</li>
 * </ul>
 * Bounded: past {@code maxEntries} the expired entries are dropped, and if that is not enough the whole cache is
 * (the cost of a full drop is one verification per caller, not a failure).
 */
public final class TokenCache {
    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final long graceSeconds;
    private final LongSupplier epochSeconds;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    /** The identity quarkus-oidc built, and until when (epoch seconds, skew included) it may stand for the token. */
    record Entry(SecurityIdentity identity, long validUntil, String tenant) {
    }

    public TokenCache(int maxEntries, long graceSeconds, LongSupplier epochSeconds) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
        this.graceSeconds = Math.max(0, graceSeconds);
        this.epochSeconds = epochSeconds;
    }

    /** The verified identity of this exact token for this tenant, if it is known and still within its lifetime. */
    public SecurityIdentity get(String token, String tenant) {
        Key key = Key.of(token);
        Entry entry = key == null ? null : entries.get(key);
        if (entry == null) {
            misses.incrementAndGet();
            return null;
        }
        // strictly before exp + skew: quarkus-oidc (jose4j) still accepts the token at that second, so never later
        if (epochSeconds.getAsLong() >= entry.validUntil()) {
            entries.remove(key, entry);
            misses.incrementAndGet();
            return null;
        }
        if (tenant == null || !tenant.equals(entry.tenant())) {
            misses.incrementAndGet();
            return null;
        }
        hits.incrementAndGet();
        return entry.identity();
    }

    /** Remembers a verified token's identity until {@code exp} (epoch seconds) plus the skew. */
    public void put(String token, String tenant, SecurityIdentity identity, long exp) {
        long validUntil = exp + graceSeconds;
        Key key = Key.of(token);
        if (key == null || tenant == null || epochSeconds.getAsLong() >= validUntil) {
            return;
        }
        if (entries.size() >= maxEntries) {
            shrink();
        }
        entries.put(key, new Entry(identity, validUntil, tenant));
    }

    private synchronized void shrink() {
        if (entries.size() < maxEntries) {
            return;
        }
        long now = epochSeconds.getAsLong();
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext();) {
            if (now >= it.next().validUntil()) {
                it.remove();
            }
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
    }

    public int size() {
        return entries.size();
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }

    /** SHA-256 of the token, as four longs (equality and hash without keeping the token itself). */
    record Key(long a, long b, long c, long d) {
        private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });

        /**
         * Null for a token with a character outside ASCII: a JWT is base64url and dots only, so such a token is
         * never valid, and hashing only ASCII keeps the key an injective function of the characters.
         */
        static Key of(String token) {
            for (int i = 0; i < token.length(); i++) {
                if (token.charAt(i) > 0x7f) {
                    return null;
                }
            }
            byte[] h = SHA256.get().digest(token.getBytes(StandardCharsets.US_ASCII));
            return new Key(longAt(h, 0), longAt(h, 8), longAt(h, 16), longAt(h, 24));
        }

        private static long longAt(byte[] b, int i) {
            long v = 0;
            for (int k = 0; k < 8; k++) {
                v = (v << 8) | (b[i + k] & 0xff);
            }
            return v;
        }
    }
}
