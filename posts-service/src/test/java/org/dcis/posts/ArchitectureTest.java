package org.dcis.posts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import org.junit.jupiter.api.Test;

/** The domain does not know about the web: rules live in entities and registries, not in resources. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.dcis.posts");

    @Test
    void domainClassesDoNotDependOnResourcesOrJaxRs() {
        ArchRule rule = noClasses().that().resideInAnyPackage("org.dcis.posts.post..", "org.dcis.posts.assignment..",
                "org.dcis.posts.country..", "org.dcis.posts.network..", "org.dcis.posts.event..", "org.dcis.posts.rules..",
                "org.dcis.posts.demo..")
                .and().haveSimpleNameNotEndingWith("Resource")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Resource")
                .orShould().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..")
                .orShould().dependOnClassesThat().resideInAPackage("org.dcis.posts.problem..");
        rule.check(CLASSES);
    }

    @Test
    void rulesDependOnNothingOfTheService() {
        noClasses().that().resideInAPackage("org.dcis.posts.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("org.dcis.posts.post..", "org.dcis.posts.assignment..",
                        "org.dcis.posts.web..", "org.dcis.posts.problem..", "io.quarkus..")
                .check(CLASSES);
    }
}
