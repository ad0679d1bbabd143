package org.dcis.posts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;

import org.dcis.platform.problem.Problem;
import org.dcis.posts.post.Post;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package shape of the suite (issue 8): {@code <feature>/} holds the domain and its use cases,
 * {@code <feature>/api/} the JAX-RS resources and their request/response records; features depend on each
 * other in one direction only; errors, paging, keys and dates come from the platform, never from a local
 * dialect.
 */
class ArchitectureTest {
    private static final String SERVICE = "org.dcis.posts";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(SERVICE);

    @Test
    void theDomainNeverImportsTheApiOrJaxRs() {
        noClasses().that().resideInAPackage(SERVICE + "..").and().resideOutsideOfPackage(SERVICE + "..api..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVICE + "..api..", "jakarta.ws.rs..",
                        "org.jboss.resteasy..", "io.vertx.ext.web..")
                .because("domain rules hold whatever the transport; resources adapt to the domain")
                .check(CLASSES);
    }

    @Test
    void resourcesLiveInApiPackages() {
        classes().that().areAnnotatedWith(jakarta.ws.rs.Path.class)
                .should().resideInAPackage(SERVICE + ".*.api")
                .check(CLASSES);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        // a feature is its package with its api: country is a leaf that post depends on, post is what
        // assignment depends on, never the reverse
        slices().matching(SERVICE + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theDomainPackagesDependInOneDirection() {
        noClasses().that().resideInAPackage(SERVICE + ".country..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVICE + ".post..", SERVICE + ".assignment..")
                .check(CLASSES);
        noClasses().that().resideInAPackage(SERVICE + ".post..")
                .should().dependOnClassesThat().resideInAPackage(SERVICE + ".assignment..")
                .check(CLASSES);
    }

    @Test
    void nothingBuildsProblemsItself() {
        noClasses().should().dependOnClassesThat().areAssignableTo(Problem.class)
                .because("every failure is a platform DomainException, turned into a problem by the platform's mappers")
                .check(CLASSES);
        noClasses().should().implement(jakarta.ws.rs.ext.ExceptionMapper.class).check(CLASSES);
        methods().that().areDeclaredInClassesThat().resideInAPackage(SERVICE + "..")
                .should().notBeAnnotatedWith(ServerExceptionMapper.class).allowEmptyShould(true).check(CLASSES);
        assertThat(classFilesContaining("dcis.example/problems")).as("classes spelling out a problem type URI").isEmpty();
    }

    @Test
    void noDialectPackagesForWhatThePlatformDoes() {
        noClasses().should().resideInAnyPackage(SERVICE + ".web..", SERVICE + ".problem..", SERVICE + ".rules..",
                SERVICE + ".shared..", SERVICE + ".event..", SERVICE + ".idempotency..")
                .check(CLASSES);
    }

    @Test
    void everyDateComesFromTheSuiteCalendar() {
        for (Class<?> type : List.of(LocalDate.class, Instant.class, OffsetDateTime.class, ZonedDateTime.class,
                LocalDateTime.class)) {
            noClasses().should().callMethod(type, "now").because("today is SuiteCalendar.today(), the instant the injected Clock's")
                    .check(CLASSES);
        }
        noClasses().should().callMethod(Clock.class, "systemUTC").orShould().callMethod(Clock.class, "systemDefaultZone")
                .check(CLASSES);
    }

    /** The service's compiled classes whose constant pool holds the text (string constants are kept as written). */
    private static List<Path> classFilesContaining(String text) {
        Path root;
        try {
            root = Path.of(Post.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> classFiles = files.filter(f -> f.toString().endsWith(".class")).toList();
            assertThat(classFiles).as("compiled classes under %s", root).hasSizeGreaterThan(20);
            return classFiles.stream().filter(f -> contains(read(f), needle)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
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
