package io.duban.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/**
 * The layering every service keeps ({@link Architecture}'s rules), run against one service's main classes:
 * a service's {@code ArchitectureTest} extends this and names its package.
 */
public abstract class LayeringTest {

    private JavaClasses classes;

    /** The service's root package, e.g. {@code io.duban.task}. */
    protected abstract String basePackage();

    /** Whether the plain libraries (deadlines, feed-contract) are on this service's class path to be checked. */
    protected boolean usesPlainLibraries() {
        return true;
    }

    /**
     * Further plain domain classes of this service, by a pattern over their full names (null: only
     * {@link Architecture#PLAIN_DOMAIN_NAMES}), held to {@link Architecture#domainClassesReturnVerdicts}.
     */
    protected String moreDomainClasses() {
        return null;
    }

    private JavaClasses classes() {
        if (classes == null) {
            classes = Architecture.mainClasses(basePackage());
        }
        return classes;
    }

    @Test
    void resourcesDoNotTouchTheSqlClient() {
        Architecture.resourcesDoNotTouchTheSqlClient().check(classes());
    }

    @Test
    void domainClassesReturnVerdictsNotHttpErrors() {
        Architecture.domainClassesReturnVerdicts(moreDomainClasses()).check(classes());
    }

    @Test
    void queryParametersAreReadAsText() {
        Architecture.queryParametersAreText().check(classes());
    }

    @Test
    void dtosHoldNoRowMapping() {
        Architecture.dtosHoldNoRowMapping().allowEmptyShould(true).check(classes());
    }

    @Test
    void plainDomainClassesImportNeitherQuarkusNorJaxRsNorTheSqlClient() {
        Architecture.plainDomainClassesStayPlain().check(classes());
    }

    @Test
    void plainDomainClassesSeeNoWireTypes() {
        Architecture.plainDomainClassesSeeNoWireTypes().allowEmptyShould(true).check(classes());
    }

    @Test
    void featurePackagesDoNotImportEachOtherInACircle() {
        Architecture.noPackageCycles(basePackage()).check(classes());
    }

    @Test
    void thePlainLibrariesDependOnNothingOfOurs() {
        if (!usesPlainLibraries()) {
            return;
        }
        JavaClasses libraries = Architecture.plainLibraries();
        Architecture.dependsOnNothingOfOurs("io.duban.deadlines").check(libraries);
        Architecture.dependsOnNothingOfOurs("io.duban.feed").check(libraries);
    }
}
