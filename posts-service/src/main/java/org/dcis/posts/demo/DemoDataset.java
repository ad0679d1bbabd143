package org.dcis.posts.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.dcis.platform.security.Caller;
import org.dcis.posts.assignment.AssignmentRegistry;
import org.dcis.posts.assignment.AssignmentTerms;
import org.dcis.posts.assignment.Force;
import org.dcis.posts.assignment.OfficerRole;
import org.dcis.posts.post.Post;
import org.dcis.posts.post.PostRegistry;
import org.dcis.posts.post.PostState;
import org.dcis.posts.post.PostStatus;
import org.dcis.posts.post.PostTerms;
import org.dcis.posts.theme.Theme;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * A fictional but plausible network for demonstrations: the posts of {@code demo/posts.txt} and about four
 * officers each, generated from name lists with a fixed seed so every load gives the same people.
 * Everything goes through the registry's use cases, so the demo's events reach Kafka like real ones and
 * its writes are audited, under the name of this loader ({@link #LOADER}).
 */
@ApplicationScoped
public class DemoDataset {
    private static final Logger LOG = Logger.getLogger(DemoDataset.class);
    private static final long SEED = 20_110_901L;
    /** Who the audit trail says wrote the demo network: the service itself, not a person. */
    public static final Caller LOADER = new Caller("posts-service:demo-dataset", "demo-dataset", null, Set.of());

    private static final List<String> GIVEN_NAMES = List.of("Claire", "Julien", "Sophie", "Nicolas", "Camille", "Thomas",
            "Isabelle", "Antoine", "Nathalie", "Mathieu", "Céline", "Sébastien", "Aurélie", "Guillaume", "Émilie",
            "Frédéric", "Sandrine", "Olivier", "Laure", "Romain", "Hélène", "Vincent", "Marion", "Pierre", "Agnès",
            "Karim", "Nadia", "Yann", "Gwenaëlle", "Hugo", "Inès", "Laurent", "Mélanie", "Stéphane", "Virginie",
            "Benoît", "Chloé", "Damien", "Élodie", "Fabrice", "Samira", "Xavier", "Anne", "Loïc");
    private static final List<String> FAMILY_NAMES = List.of("Aubert", "Bertin", "Carrel", "Delorme", "Esnault",
            "Fabre", "Garnier", "Hamon", "Imbert", "Jacquet", "Kerboul", "Lemaire", "Marchal", "Noël", "Ollivier",
            "Perrin", "Quéré", "Roussel", "Sabatier", "Tessier", "Urvoy", "Vasseur", "Weber", "Yildiz", "Zeller",
            "Arnoux", "Bellec", "Chauvin", "Daumas", "Étienne", "Ferrand", "Gautier", "Hervé", "Jourdan", "Labbé",
            "Mallet", "Nicolle", "Pasquier", "Renaud", "Salaün", "Thibault", "Vidal", "Benali", "Morvan", "Leclerc",
            "Da Silva", "Nguyen", "Rey", "Carpentier", "Le Goff");
    private static final List<String> POLICE_RANKS = List.of("Commandant divisionnaire", "Commandant", "Capitaine",
            "Major", "Brigadier-chef");
    private static final List<String> GENDARMERIE_RANKS = List.of("Lieutenant-colonel", "Chef d'escadron", "Capitaine",
            "Major", "Adjudant-chef");

    private final PostRegistry posts;
    private final AssignmentRegistry assignments;
    private final DemoConfig config;

    public DemoDataset(PostRegistry posts, AssignmentRegistry assignments, DemoConfig config) {
        this.posts = posts;
        this.assignments = assignments;
        this.config = config;
    }

    void onStart(@Observes StartupEvent start) {
        if (config.enabled()) {
            Result result = loadIfEmpty();
            LOG.infof(result.loaded() ? "Demo network loaded: %d posts, %d assignments"
                    : "Registry not empty: demo network not loaded", result.posts(), result.assignments());
        }
    }

    /** Loads the demo network unless the registry already holds a post. */
    @Transactional
    public Result loadIfEmpty() {
        if (Post.count() > 0) {
            return new Result(false, 0, 0);
        }
        Random random = new Random(SEED);
        int assignmentCount = 0;
        int officerNumber = 0;
        List<Seed> seeds = seeds();
        for (Seed seed : seeds) {
            PostState post = posts.open(LOADER, new PostTerms(seed.id(), seed.id().substring(0, 2), seed.city(),
                    embassy(seed.city()), seed.openedOn(), new PostState.ContactState(
                            "dsi." + seed.id().substring(3).toLowerCase().replace("-", "") + "@diplomatie.example",
                            null),
                    seed.coverage()), null).value();
            int officers = 3 + random.nextInt(3);
            for (int i = 0; i < officers; i++) {
                officerNumber++;
                OfficerRole role = i == 0 ? OfficerRole.HEAD_OF_SERVICE : i == 1 ? OfficerRole.DEPUTY
                        : random.nextInt(3) == 0 ? OfficerRole.TECHNICAL_EXPERT : OfficerRole.LIAISON_OFFICER;
                Force force = random.nextInt(100) < 58 ? Force.POLICE_NATIONALE : Force.GENDARMERIE_NATIONALE;
                String rank = rank(force, role, random);
                String id = (force == Force.POLICE_NATIONALE ? "PN-" : "GN-") + (100_000 + officerNumber * 37);
                LocalDate startsOn = LocalDate.of(2022 + random.nextInt(4), 9, 1);
                if (startsOn.isBefore(seed.openedOn())) {
                    startsOn = seed.openedOn();
                }
                assignments.assign(LOADER, new AssignmentTerms(
                        new AssignmentTerms.OfficerTerms(id, force, rank,
                                GIVEN_NAMES.get(random.nextInt(GIVEN_NAMES.size())),
                                FAMILY_NAMES.get(random.nextInt(FAMILY_NAMES.size())), specialities(random)),
                        post.id(), role, startsOn, null), null);
                assignmentCount++;
            }
            if (seed.status() == PostStatus.SUSPENDED) {
                Post current = posts.require(post.id());
                posts.changeStatus(LOADER, post.id(), current.version(), PostStatus.SUSPENDED, null);
            }
        }
        return new Result(true, seeds.size(), assignmentCount);
    }

    private static String rank(Force force, OfficerRole role, Random random) {
        if (role == OfficerRole.HEAD_OF_SERVICE) {
            return force == Force.POLICE_NATIONALE ? "Commissaire divisionnaire" : "Colonel";
        }
        List<String> ranks = force == Force.POLICE_NATIONALE ? POLICE_RANKS : GENDARMERIE_RANKS;
        return ranks.get(random.nextInt(ranks.size()));
    }

    private static Set<Theme> specialities(Random random) {
        Theme[] themes = Theme.values();
        EnumSet<Theme> chosen = EnumSet.noneOf(Theme.class);
        int count = 1 + random.nextInt(3);
        while (chosen.size() < count) {
            chosen.add(themes[random.nextInt(themes.length)]);
        }
        return chosen;
    }

    private static String embassy(String city) {
        if (city.startsWith("Le ")) {
            return "Ambassade de France au " + city.substring(3);
        }
        return "Ambassade de France à " + city;
    }

    /** The seed table: one line per post. */
    public static List<Seed> seeds() {
        List<Seed> seeds = new ArrayList<>();
        try (InputStream in = DemoDataset.class.getResourceAsStream("/demo/posts.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(";", -1);
                List<String> coverage = fields[4].isBlank() ? List.of() : Arrays.asList(fields[4].trim().split("\\s+"));
                seeds.add(new Seed(fields[0], fields[1], LocalDate.parse(fields[2]), PostStatus.valueOf(fields[3]), coverage));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("demo/posts.txt unreadable", e);
        }
        return seeds;
    }

    public record Seed(String id, String city, LocalDate openedOn, PostStatus status, List<String> coverage) {
    }

    public record Result(boolean loaded, int posts, int assignments) {
    }
}
