package org.dcis.e2e.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The generator and its judgement, offline (no stack): against a small OpenAPI document written here, it
 * covers every parameter, header and body field, is deterministic from its seed, starts from a base the
 * schema accepts, and marks as must-refuse exactly what the schema refuses.
 */
class HostileGeneratorTest {
    static final String DOCUMENT = """
            {
              "openapi": "3.1.0",
              "paths": {
                "/widgets": {
                  "get": {
                    "parameters": [
                      {"name": "colour", "in": "query", "schema": {"type": "string"}, "example": "RED"},
                      {"name": "from", "in": "query", "schema": {"type": "string"}},
                      {"name": "to", "in": "query", "schema": {"type": "string"}},
                      {"name": "page", "in": "query", "schema": {"type": "integer", "format": "int32"}}
                    ],
                    "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/PageOfWidget"}}}}},
                    "security": [{"SecurityScheme": ["officer", "hq-analyst"]}]
                  },
                  "post": {
                    "parameters": [{"name": "Idempotency-Key", "in": "header", "schema": {"type": "string"}}],
                    "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewWidget"}}}},
                    "responses": {"201": {"description": "created"}},
                    "security": [{"SecurityScheme": ["officer"]}]
                  }
                },
                "/widgets/{id}": {
                  "put": {
                    "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
                                   {"name": "If-Match", "in": "header", "schema": {"type": "string"}}],
                    "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewWidget"}}}},
                    "responses": {"200": {"content": {"application/json": {"schema": {}}}}},
                    "security": [{"SecurityScheme": ["officer"]}]
                  }
                }
              },
              "components": {"schemas": {
                "Colour": {"type": "string", "enum": ["RED", "GREEN"]},
                "LocalDate": {"type": "string", "format": "date", "examples": ["2022-03-10"]},
                "Part": {"type": "object", "required": ["count"], "properties": {
                  "count": {"type": "integer", "format": "int32", "minimum": 0, "maximum": 100},
                  "note": {"type": "string", "maxLength": 10}}},
                "NewWidget": {"type": "object", "required": ["name", "colour", "startsOn"], "properties": {
                  "name": {"type": "string", "maxLength": 20, "pattern": "\\\\S", "examples": ["Gizmo"]},
                  "colour": {"$ref": "#/components/schemas/Colour"},
                  "startsOn": {"$ref": "#/components/schemas/LocalDate"},
                  "endsOn": {"$ref": "#/components/schemas/LocalDate", "type": "string"},
                  "tags": {"type": "array", "maxItems": 3, "items": {"type": "string"}, "examples": [["a"]]},
                  "part": {"$ref": "#/components/schemas/Part"},
                  "weight": {"type": "number", "minimum": 0, "maximum": 1000000000}}},
                "Widget": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}}},
                "PageOfWidget": {"type": "object", "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Widget"}}}}
              }}
            }""";

    private static ApiDocument document() {
        return new ApiDocument(new ApiDocument.Service("widget-service", URI.create("http://localhost:1"), "/api/widgets"),
                Stacks.read(DOCUMENT));
    }

    private static World world(ApiDocument document) {
        World world = new World("ABC123");
        world.today = "2026-12-02";
        world.countries.addAll(List.of("AD", "SN"));
        world.freeCountries.addAll(List.of("AD"));
        world.createPostCountry = "AD";
        world.spareCountry = "AD";
        world.officerIds.addAll(List.of("O1", "O2", "O3"));
        world.missionCodes.addAll(List.of("M1", "M2", "M3"));
        ApiDocument.Operation list = document.operations.stream().filter(o -> o.method().equals("get")).findFirst().orElseThrow();
        world.collections.put("widget-service /widgets", new World.Collection(document.service, "/widgets", "id", list));
        world.fixtures.put("PUT /api/widgets/widgets/{id}", "W-1");
        return world;
    }

    private static List<Probe> generate(long seed) {
        ApiDocument document = document();
        return new Generator(seed, world(document), List.of(document), Identity.all()).generate(0);
    }

    private static String fingerprint(Probe p) {
        return p.describe() + "|" + p.viaGateway + "|" + p.identity.name() + "|" + new String(p.target, StandardCharsets.ISO_8859_1) + "|"
                + (p.body == null ? "" : Arrays.hashCode(p.body)) + "|" + p.mustRefuse + "|" + p.namedField;
    }

    @Test
    void theSameSeedGivesTheSameRequestsAndAnotherSeedAnotherOrder() {
        List<String> first = generate(7).stream().map(HostileGeneratorTest::fingerprint).toList();
        List<String> again = generate(7).stream().map(HostileGeneratorTest::fingerprint).toList();
        List<String> other = generate(8).stream().map(HostileGeneratorTest::fingerprint).toList();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first).hasSameSizeAs(first);
    }

    @Test
    void everyParameterHeaderAndBodyFieldOfTheDocumentIsMutatedThroughBothDoors() {
        List<Probe> probes = generate(7);
        Set<String> locations = probes.stream().map(p -> p.op.key() + " " + p.location).collect(Collectors.toCollection(TreeSet::new));

        assertThat(locations).contains(
                "GET /api/widgets/widgets query colour", "GET /api/widgets/widgets query from", "GET /api/widgets/widgets query page",
                "GET /api/widgets/widgets query from,to",
                "POST /api/widgets/widgets header Idempotency-Key", "POST /api/widgets/widgets body", "POST /api/widgets/widgets body name",
                "POST /api/widgets/widgets body colour", "POST /api/widgets/widgets body startsOn", "POST /api/widgets/widgets body endsOn",
                "POST /api/widgets/widgets body tags", "POST /api/widgets/widgets body tags[0]", "POST /api/widgets/widgets body part.count",
                "POST /api/widgets/widgets body part.note", "POST /api/widgets/widgets body weight",
                "POST /api/widgets/widgets header Content-Type", "POST /api/widgets/widgets header Authorization",
                "PUT /api/widgets/widgets/{id} header If-Match", "PUT /api/widgets/widgets/{id} path id",
                "PUT /api/widgets/widgets/{id} body startsOn,endsOn", "PUT /api/widgets/widgets/{id} method");
        for (String location : locations) {
            if (location.contains(" caller")) {
                continue;
            }
            assertThat(probes.stream().filter(p -> (p.op.key() + " " + p.location).equals(location)).map(p -> p.viaGateway).distinct())
                    .as("both the gateway and the service get %s", location).containsExactlyInAnyOrder(true, false);
        }
        assertThat(probes.stream().filter(p -> p.location.equals("caller")).map(p -> p.identity.name()).distinct())
                .as("the valid base goes out as every identity").hasSize(Identity.all().size());
    }

    @Test
    void theValidBaseConformsToTheSchemaAndOnlyBrokenInputIsMarkedForRefusal() {
        ApiDocument document = document();
        World world = world(document);
        Generator generator = new Generator(1, world, List.of(document), Identity.all());
        ApiDocument.Operation create = document.operations.stream().filter(o -> o.method().equals("post")).findFirst().orElseThrow();
        JsonNode base = generator.baseBody(create, 1);

        assertThat(new SchemaCheck(document).violation(create.bodySchema(), base, "")).as("base %s", base).isNull();
        assertThat(base.has("endsOn")).as("an optional date without an example of its own stays out of the base").isFalse();
        assertThat(base.path("startsOn").asText()).as("dates the document does not give are the stack's today").isEqualTo("2026-12-02");

        List<Probe> probes = new Generator(1, world, List.of(document), Identity.all()).generate(0);
        Probe tooLong = find(probes, "body name", "maxLength + 1 (21)", "officer.dakar");
        Probe longest = find(probes, "body name", "maxLength (20)", "officer.dakar");
        Probe ordinal = find(probes, "body colour", "enum ordinal 0", "officer.dakar");
        Probe yearZero = find(probes, "body startsOn", "date '0000-01-01'", "officer.dakar");
        Probe surrogate = find(probes, "body name", "lone surrogate as raw UTF-8 bytes (ED A0 80)", "officer.dakar");
        Probe duplicate = find(probes, "body colour", "duplicate key", "officer.dakar");
        Probe asAdmin = find(probes, "caller", "valid base as admin.registry", "admin.registry");

        assertThat(tooLong.mustRefuse).isTrue();
        assertThat(tooLong.namedField).isEqualTo("name");
        assertThat(longest.mustRefuse).isFalse();
        assertThat(ordinal.mustRefuse).isTrue();
        assertThat(ordinal.namedField).isEqualTo("colour");
        assertThat(yearZero.mustRefuse).isTrue();
        assertThat(containsBytes(surrogate.body, new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 })).as("raw bytes, not '?'").isTrue();
        assertThat(surrogate.mustRefuse).as("not UTF-8: not one JSON value").isTrue();
        assertThat(new String(duplicate.body, StandardCharsets.UTF_8)).contains("\"colour\":\"RED\",\"colour\":1");
        assertThat(duplicate.mustRefuse).isTrue();
        assertThat(asAdmin.mustRefuse).as("registry-admin is not in the operation's security").isTrue();
    }

    private static Probe find(List<Probe> probes, String location, String mutation, String identity) {
        List<Probe> matching = new ArrayList<>(probes.stream().filter(p -> p.location.equals(location) && p.mutation.equals(mutation)
                && p.op.method().equals("post")).toList());
        assertThat(matching).as("%s / %s", location, mutation).isNotEmpty();
        return matching.stream().filter(p -> p.identity.name().equals(identity)).findFirst().orElse(matching.get(0));
    }

    private static boolean containsBytes(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
