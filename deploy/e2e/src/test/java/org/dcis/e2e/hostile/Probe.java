package org.dcis.e2e.hostile;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One hostile request: an operation of an OpenAPI document, sent through the gateway or straight at its
 * service, as one identity, with the operation's valid base and exactly one mutation (or none, for the
 * role matrix). What it must provoke is decided when it is generated: whether it must be refused, and
 * which field a 400 must name.
 */
final class Probe {
    /** How If-Match is set when the request is sent: the resource's current version, an older one, none, or as given. */
    enum IfMatch { NONE, CURRENT, STALE, LITERAL }

    /** How the Authorization header is set: from the identity, or as given (a mutation of the header itself). */
    enum Auth { IDENTITY, LITERAL }

    final int seq;
    final ApiDocument.Operation op;
    final String location;
    final String mutation;
    boolean viaGateway;
    Identity identity;
    String method;
    /** The service-relative request target (path and query) exactly as sent, in raw bytes. */
    byte[] target;
    final List<RawHttp.Header> headers = new ArrayList<>();
    IfMatch ifMatch = IfMatch.NONE;
    byte[] ifMatchLiteral;
    Auth auth = Auth.IDENTITY;
    final List<byte[]> authLiterals = new ArrayList<>();
    byte[] body;
    /** The body as JSON when it is one well-formed value, for the ledger of what 2xx answers changed. */
    JsonNode json;

    /** The input breaks the document or the conventions: any 2xx is a failure. */
    boolean mustRefuse;
    /** Why it must be refused (shown with a failure). */
    String refuseBecause;
    /** When the mutation targets one field, parameter or header: the name a 400 must give in violations. */
    String namedField;
    /** A Host (or forwarded host) value the request injected, which no Location may echo. */
    String spoofedHost;

    /** The collection this request writes to and, for an update, the id it targets (null for reads). */
    String writeCollection;
    String writeId;
    boolean create;
    /** For a create: the Idempotency-Key it carries (null without); a replayed answer creates nothing. */
    String idempotencyKey;
    /** A request sent first, on the same thread, that this one depends on (reuse of an Idempotency-Key). */
    Probe prelude;

    Probe(int seq, ApiDocument.Operation op, String location, String mutation) {
        this.seq = seq;
        this.op = op;
        this.location = location;
        this.mutation = mutation;
        this.method = op.method().toUpperCase(java.util.Locale.ROOT);
    }

    /** A readable one-line description of the case (operation, where, what). */
    String describe() {
        return op.key() + " | " + location + " | " + mutation;
    }

    boolean isWrite() {
        return writeCollection != null;
    }

    void refuse(String because) {
        if (!mustRefuse) {
            mustRefuse = true;
            refuseBecause = because;
        }
    }
}
