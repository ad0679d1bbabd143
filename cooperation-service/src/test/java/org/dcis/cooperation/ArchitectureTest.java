package org.dcis.cooperation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.dcis.platform.problem.Problem;
import org.dcis.platform.problem.ProblemMappers;
import org.dcis.platform.problem.SecurityProblems;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package shape of the suite (brief of issue 8): {@code <feature>/} holds the domain and its use cases,
 * {@code <feature>/api/} the JAX-RS resources and their request and response records; features form no
 * cycle; every problem body comes from the platform. That no source spells a problem type URI is checked by
 * ProblemTypesTest, which reads the sources (ArchUnit sees no string constants).
 */
@AnalyzeClasses(packages = "org.dcis.cooperation", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule domainDoesNotDependOnRest = noClasses()
            .that().resideInAPackage("org.dcis.cooperation..")
            .and().resideOutsideOfPackage("org.dcis.cooperation..api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.dcis.cooperation..api..", "jakarta.ws.rs..",
                    "org.jboss.resteasy..", "io.quarkus.resteasy..", "io.vertx.ext.web..")
            .because("domain rules must hold whatever the transport; REST resources adapt to the domain");

    @ArchTest
    static final ArchRule resourcesLiveInApiPackages = classes()
            .that().areAnnotatedWith(jakarta.ws.rs.Path.class)
            .should().resideInAPackage("org.dcis.cooperation..api..");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("org.dcis.cooperation.(*)..")
            .should().beFreeOfCycles()
            .because("a feature depends on another one way only (actions on cases, cases on missions and the"
                    + " directory); what cases need of actions goes through CaseActivity, owned by cases");

    @ArchTest
    static final ArchRule noDialectPackages = noClasses()
            .should().resideInAnyPackage("org.dcis.cooperation.web..", "org.dcis.cooperation.shared..",
                    "org.dcis.cooperation.problem..", "org.dcis.cooperation.rules..")
            .because("what the platform does is done by the platform (org.dcis.platform), not by a local copy");

    @ArchTest
    static final ArchRule nothingBuildsProblems = noClasses()
            .that().resideInAPackage("org.dcis.cooperation..")
            .should().dependOnClassesThat().belongToAnyOf(Problem.class, ProblemMappers.class, SecurityProblems.class)
            .because("every failure becomes a problem in the platform's ProblemMappers and SecurityProblems; the"
                    + " service throws the platform's DomainException subclasses");

    @ArchTest
    static final ArchRule noExceptionMapperOfItsOwn = noMethods()
            .that().areDeclaredInClassesThat().resideInAPackage("org.dcis.cooperation..")
            .should().beAnnotatedWith(ServerExceptionMapper.class);

    private static final DescribedPredicate<JavaMethodCall> READS_THE_SYSTEM_CLOCK = DescribedPredicate.describe(
            "read the system clock (a java.time now() or Clock.system*())",
            call -> call.getTargetOwner().getPackageName().equals("java.time")
                    && (call.getName().equals("now") || call.getName().startsWith("system")));

    @ArchTest
    static final ArchRule oneClock = noClasses()
            .that().resideInAPackage("org.dcis.cooperation..")
            .should().callMethodWhere(READS_THE_SYSTEM_CLOCK)
            .because("every date and instant comes from the one injected Clock or the SuiteCalendar on it, so that"
                    + " both services answer the same \"today\" and tests can fix the time");

    @ArchTest
    static final ArchRule noJaxRsExceptionMapperOfItsOwn = noClasses()
            .that().resideInAPackage("org.dcis.cooperation..")
            .should().implement(jakarta.ws.rs.ext.ExceptionMapper.class);
}
