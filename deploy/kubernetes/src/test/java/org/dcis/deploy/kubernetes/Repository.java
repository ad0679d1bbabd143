package org.dcis.deploy.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The repository these manifests deploy: the services' configuration, poms and sources, read as they are. */
final class Repository {
    static final Path ROOT = Path.of(System.getProperty("dcis.repository", "../..")).toAbsolutePath().normalize();
    static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    static final Path REALM = ROOT.resolve("deploy/keycloak/dcis-realm.json");

    /** The services these manifests run, with the name of their database (null: none). */
    static final Map<String, String> SERVICES = Map.of("posts-service", "posts", "cooperation-service", "cooperation",
            "gateway", "");

    private Repository() {
    }

    static Properties applicationProperties(String service) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** A property of the prod profile: the plain key (a %test./%dev. key never applies on a cluster). */
    static String property(String service, String key, String fallback) {
        return applicationProperties(service).getProperty(key, fallback);
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Topics a service reads or writes: those its application.properties names (outbox topics, channel topics,
     * dead-letter topics) and the topic names its main sources hold as string constants ("dcis.….v1").
     */
    static TreeSet<String> topicsOf(String service) {
        TreeSet<String> topics = new TreeSet<>();
        Pattern outbox = Pattern.compile("dcis\\.outbox\\.topics\\.\"([^\"]+)\"\\..*");
        for (String key : applicationProperties(service).stringPropertyNames()) {
            if (key.startsWith("%")) {
                continue;
            }
            Matcher m = outbox.matcher(key);
            if (m.matches()) {
                topics.add(m.group(1));
            } else if (key.startsWith("mp.messaging.") && (key.endsWith(".topic") || key.endsWith(".dead-letter-queue.topic"))) {
                topics.add(applicationProperties(service).getProperty(key));
            }
        }
        Pattern literal = Pattern.compile("\"(dcis\\.[a-z0-9.-]+\\.v\\d+)\"");
        try (Stream<Path> files = Files.walk(ROOT.resolve(service).resolve("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(read(file));
                while (m.find()) {
                    topics.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return topics;
    }

    /** The root pom, parsed. */
    static Document rootPom() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            return factory.newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile());
        } catch (Exception e) {
            throw new IllegalStateException("root pom.xml unreadable", e);
        }
    }

    static String projectVersion() {
        return childText(rootPom().getDocumentElement(), "version");
    }

    static String pomProperty(String name) {
        Element properties = child(rootPom().getDocumentElement(), "properties");
        return childText(properties, name);
    }

    static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    static String childText(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }

    static List<Element> children(Element parent, String name) {
        List<Element> all = new java.util.ArrayList<>();
        for (Node n = parent == null ? null : parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                all.add(e);
            }
        }
        return all;
    }

    /**
     * The environment variable SmallRye Config maps to a property key: letters and digits upper-cased, every other
     * character an underscore ("dcis.outbox.topics."dcis.posts.v1".partitions" ->
     * DCIS_OUTBOX_TOPICS__DCIS_POSTS_V1__PARTITIONS).
     */
    static String envName(String key) {
        StringBuilder env = new StringBuilder();
        for (char c : key.toCharArray()) {
            env.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return env.toString();
    }
}
