package io.duban.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering every service keeps, as ArchUnit rules its {@code ArchitectureTest} checks against its
 * own main classes: resources stay off the SQL client, plain domain classes stay plain, feature
 * packages do not import each other in a circle, and the shared plain libraries depend on nothing of
 * ours.
 */
public final class Architecture {

    /**
     * The plain domain classes by their role in the name: rules, builders, calculators, planners, parsers,
     * derivers, mergers, schemes. They hold the decisions unit tests call directly.
     */
    public static final String PLAIN_DOMAIN_NAMES = ".*(Rules|Builder|Calculator|Planner|Parser|Deriver|Merger|Scheme|Scoring"
            + "|Resolver|NameIndex|SegmentReader|Suggestions)";

    private Architecture() {
    }

    /** The main (not test) classes of {@code basePackage} and below. */
    public static JavaClasses mainClasses(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /** JAX-RS resources parse, authorize, call a service and map: the SQL client is a repository's. */
    public static ArchRule resourcesDoNotTouchTheSqlClient() {
        return noClasses().that().haveSimpleNameEndingWith("Resource")
                .should().dependOnClassesThat().resideInAPackage("io.vertx.mutiny.sqlclient..")
                .because("a resource is thin: statements belong to a repository (STYLE.md)");
    }

    /**
     * Query parameters are read as text ({@code String}, a list of them, or a flag) and parsed by service-common's
     * {@code QueryParams}/{@code Paging}, so a malformed one is a 400 naming it in every service; JAX-RS would answer
     * one it cannot convert ({@code ?page=abc} for an {@code Integer}) as if the path named nothing.
     */
    public static ArchRule queryParametersAreText() {
        return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods().that().areDeclaredInClassesThat()
                .haveSimpleNameEndingWith("Resource")
                .should(new com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaMethod>(
                        "read their query parameters as text") {
                    @Override
                    public void check(com.tngtech.archunit.core.domain.JavaMethod method,
                            com.tngtech.archunit.lang.ConditionEvents events) {
                        for (com.tngtech.archunit.core.domain.JavaParameter p : method.getParameters()) {
                            if (!p.isAnnotatedWith("jakarta.ws.rs.QueryParam")) {
                                continue;
                            }
                            String type = p.getType().getName();
                            boolean text = type.equals("java.lang.String") || type.equals("boolean")
                                    || (type.startsWith("java.util.List") && p.getType().toString().contains("java.lang.String"));
                            if (!text) {
                                events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(method,
                                        method.getFullName() + " takes query parameter " + p.getIndex() + " as " + type));
                            }
                        }
                    }
                }).allowEmptyShould(true);
    }

    /** An API DTO is for the API only: its column list and row mapping belong to its repository. */
    public static ArchRule dtosHoldNoRowMapping() {
        return noClasses().that().haveSimpleNameEndingWith("Dto")
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx.mutiny.sqlclient..", "io.vertx.sqlclient..")
                .because("a database row shape is for its repository only (STYLE.md, across a wire)");
    }

    /** Domain decisions in plain classes: no Quarkus, no JAX-RS, no SQL client, no CDI. */
    public static ArchRule plainDomainClassesStayPlain() {
        return noClasses().that().haveNameMatching(PLAIN_DOMAIN_NAMES)
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta.ws.rs..",
                        "io.vertx.mutiny.sqlclient..", "io.vertx.sqlclient..", "jakarta.enterprise..", "jakarta.inject..")
                .because("rules, builders, calculators, planners and parsers are plain Java that unit tests call directly");
    }

    /**
     * Plain domain classes see neither another service's wire types (a REST client interface {@code …Api} and
     * its nested records) nor HTTP problems: they take local types and return verdicts the service turns into answers.
     */
    public static ArchRule plainDomainClassesSeeNoWireTypes() {
        return noClasses().that().haveNameMatching(PLAIN_DOMAIN_NAMES)
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "are a REST client's wire types", c -> c.getName().startsWith("io.duban.") && c.getName().matches(".*\\.[A-Za-z]+Api(\\$.*)?")))
                .because("a client class maps the remote answer into local types (STYLE.md, across a wire)");
    }

    /**
     * Plain domain classes ({@link #PLAIN_DOMAIN_NAMES}, or those {@code moreNames} matches as well) return verdicts
     * (a list of field errors, a result record, a reason) or throw their own plain exception; the service or resource
     * turns that into the HTTP problem, so no rule knows a status code.
     */
    public static ArchRule domainClassesReturnVerdicts(String moreNames) {
        String names = moreNames == null ? PLAIN_DOMAIN_NAMES : "(" + PLAIN_DOMAIN_NAMES + ")|(" + moreNames + ")";
        return noClasses().that().haveNameMatching(names)
                .should().dependOnClassesThat().haveFullyQualifiedName("io.duban.common.problem.ProblemException")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.duban.common.problem.ProblemType")
                .allowEmptyShould(true)
                .because("domain rules return verdicts, not HTTP errors (STYLE.md, errors)");
    }

    /** The feature packages directly under {@code basePackage} import each other without a circle. */
    public static ArchRule noPackageCycles(String basePackage) {
        return slices().matching(basePackage + ".(*)..").should().beFreeOfCycles();
    }

    /** A plain library ({@code io.duban.deadlines}, {@code io.duban.feed}) depends on no other package of ours. */
    public static ArchRule dependsOnNothingOfOurs(String libraryPackage) {
        return noClasses().that().resideInAPackage(libraryPackage + "..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "are of duban outside " + libraryPackage,
                        c -> c.getPackageName().startsWith("io.duban.") && !c.getPackageName().startsWith(libraryPackage)))
                .because(libraryPackage + " is a plain library the services share");
    }

    /** Imports the two plain libraries from the class path (they are jars, or target/classes in a reactor build). */
    public static JavaClasses plainLibraries() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.duban.deadlines", "io.duban.feed");
    }
}
