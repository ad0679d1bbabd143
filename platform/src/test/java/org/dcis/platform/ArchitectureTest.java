package org.dcis.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.dcis.platform", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule neverImportsAnApp = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.dcis.posts..", "org.dcis.cooperation..", "org.dcis.gateway..", "org.dcis.devstack..");

    @ArchTest
    static final ArchRule noCyclesBetweenConcerns = slices().matching("org.dcis.platform.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noEndpointOfItsOwn = noClasses().that().areNotInterfaces().and().doNotHaveModifier(
            com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT).should().beAnnotatedWith(jakarta.ws.rs.Path.class);
}
