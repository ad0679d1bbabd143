package org.dcis.e2e.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the generator knows of the stack it attacks: today's date there, the countries and which are free,
 * the collections each document lists (with their id field), existing ids to read, and the run's own
 * fixtures (resources it created so that updates never touch demo data), with their current versions.
 */
final class World {
    /** A list operation (GET without path parameters answering a page of items) and the id field of its items. */
    record Collection(ApiDocument.Service service, String path, String idField, ApiDocument.Operation list) {
        String key() {
            return service.name() + " " + path;
        }
    }

    final String runTag;
    String today;
    final List<String> countries = new ArrayList<>();
    final List<String> freeCountries = new ArrayList<>();
    /** The officer principal's post (its token's post_id) and that post's coverage. */
    String officerPost;
    final List<String> officerPostCoverage = new ArrayList<>();
    final Map<String, Collection> collections = new LinkedHashMap<>();
    /** Existing ids per collection key, read from the stack before the run. */
    final Map<String, List<String>> existing = new LinkedHashMap<>();
    /** Fixture ids: per item-writing operation key, the resource of the run it writes to. */
    final Map<String, String> fixtures = new LinkedHashMap<>();
    /** Host countries of the posts the run opened. */
    final Map<String, String> postHosts = new ConcurrentHashMap<>();
    /** The free country every create of a post claims (the first success takes it; later ones conflict). */
    String createPostCountry;
    /** A free country a coverage change may add and drop again. */
    String spareCountry;
    /** Roles that reach an operation whose document declares no security requirement, found by trying each user. */
    final Map<String, List<String>> discoveredRoles = new LinkedHashMap<>();
    /** The run's post its assignments go to. */
    String assignmentPost;
    final List<String> officerIds = new ArrayList<>();
    final List<String> missionCodes = new ArrayList<>();
    /** Current version of each run resource ("collection key|id"), as the last 2xx answer or a re-read said. */
    final Map<String, Long> versions = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    /** The bodies of the first example values seen per schema, for valid bases. */
    final Map<String, JsonNode> notes = new ConcurrentHashMap<>();

    World(String runTag) {
        this.runTag = runTag;
    }

    private int nextFree = 1;

    /** A free country nobody of the run uses yet (index 0 is the shared create country, the last one the spare). */
    synchronized String takeFreeCountry() {
        if (nextFree >= freeCountries.size() - 1) {
            throw new IllegalStateException("no free country left for the run (" + freeCountries.size() + " free)");
        }
        return freeCountries.get(nextFree++);
    }

    /** The roles an operation's security names, or those found to reach it when it names none. */
    List<String> rolesOf(ApiDocument.Operation op) {
        return !op.roles().isEmpty() ? op.roles() : discoveredRoles.getOrDefault(op.key(), List.of());
    }

    ReentrantLock lock(String key) {
        return locks.computeIfAbsent(key, k -> new ReentrantLock());
    }

    /** The collection an operation's path belongs to: /a/{p}/… → /a; a create of /x/{id}/c creates in /c. */
    Collection collectionOf(ApiDocument.Operation op) {
        String service = op.service().name() + " ";
        String path = op.path();
        if (isCreate(op)) {
            return collections.get(service + (path.contains("{") ? path.substring(path.lastIndexOf('/')) : path));
        }
        int brace = path.indexOf('{');
        return collections.get(service + (brace < 0 ? path : path.substring(0, brace - 1)));
    }

    /**
     * A create: a POST with a body on a listed collection's own path, or on /x/{id}/c where /c is a listed
     * collection and the operation answers 201 (an action logged on a case).
     */
    boolean isCreate(ApiDocument.Operation op) {
        if (!op.method().equals("post") || op.bodySchema() == null) {
            return false;
        }
        String service = op.service().name() + " ";
        if (!op.path().contains("{")) {
            return collections.containsKey(service + op.path());
        }
        String last = op.path().substring(op.path().lastIndexOf('/'));
        return !last.contains("{") && op.path().endsWith("}" + last) && collections.containsKey(service + last)
                && op.statuses().contains("201");
    }

    /** An update: a PUT/POST on an item path of a listed collection that is not a create. */
    boolean isItemWrite(ApiDocument.Operation op) {
        return !op.isRead() && op.path().contains("{") && !isCreate(op) && collectionOf(op) != null;
    }
}
