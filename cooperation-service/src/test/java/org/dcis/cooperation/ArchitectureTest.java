package org.dcis.cooperation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain (entities, rules, services) knows nothing of HTTP: REST classes depend on it, never the reverse. */
@AnalyzeClasses(packages = "org.dcis.cooperation", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule domainDoesNotDependOnRest = noClasses()
            .that().resideInAPackage("org.dcis.cooperation..")
            .and().resideOutsideOfPackages("org.dcis.cooperation..api..", "org.dcis.cooperation.web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.dcis.cooperation..api..",
                    "org.dcis.cooperation.web..", "jakarta.ws.rs..",
                    "org.jboss.resteasy..", "io.quarkus.resteasy..", "io.vertx.ext.web..")
            .because("domain rules must hold whatever the transport; REST resources adapt to the domain");

    @ArchTest
    static final ArchRule resourcesLiveInApiPackages = classes()
            .that().areAnnotatedWith(jakarta.ws.rs.Path.class)
            .should().resideInAPackage("org.dcis.cooperation..api..");
}
