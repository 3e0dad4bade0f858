package io.tributary.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.tributary.spi.ConnectorProvider;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of ARCHITECTURE.md, checked over the main classes of every module on the daemon's classpath (core,
 * scheduler, testkit, each connector, the daemon). Connector packages are found, not listed: a package holding a
 * {@link ConnectorProvider} implementation is a connector, so a new system is held to the rules from its first
 * commit. Core's test-jar ({@code io.tributary.testing}) is test code and left out.
 */
class ArchitectureTest {
    /** The packages of module connector-core, one per domain plus the SPI, the HTTP stack and the plumbing. */
    static final String[] CORE = {"io.tributary.spi..", "io.tributary.http..", "io.tributary.secret..",
        "io.tributary.store..", "io.tributary.connection..", "io.tributary.schedule..", "io.tributary.run..",
        "io.tributary.record..", "io.tributary.route..", "io.tributary.sync..", "io.tributary.time..",
        "io.tributary.core..", "io.tributary.apikey..", "io.tributary.customer..", "io.tributary.intake..",
        "io.tributary.writeback.."};

    static JavaClasses main;
    static Set<String> connectorPackages;

    @BeforeAll
    static void importClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // core's test-jar (test-classes inside a jar, which DO_NOT_INCLUDE_TESTS does not recognise)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.tributary")
                .that(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("io.tributary.testing..")));
        connectorPackages = new TreeSet<>();
        for (JavaClass type : main) {
            boolean plugin = !type.isInterface() && type.isAssignableTo(ConnectorProvider.class)
                    && !type.getPackageName().startsWith("io.tributary.testkit");
            if (plugin) {
                connectorPackages.add(type.getPackageName());
            }
        }
    }

    @Test
    void everyConnectorModuleIsFound() {
        assertThat(connectorPackages).contains("io.tributary.woocommerce", "io.tributary.magento",
                "io.tributary.coopcycle", "io.tributary.shopify");
    }

    @Test
    void theSpiNamesOnlyItsOwnTypesAndTheJdk() {
        classes().that().resideInAPackage("io.tributary.spi..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.tributary.spi..", "java..")
                .because("a plugin implements or receives the SPI and nothing else of the host")
                .check(main);
    }

    @Test
    void theHttpStackDependsOnTheSpiAndNoOtherPartOfTheHost() {
        noClasses().that().resideInAPackage("io.tributary.http..")
                .should().dependOnClassesThat().resideInAnyPackage(except(CORE, "io.tributary.spi..",
                        "io.tributary.http.."))
                .check(main);
    }

    @Test
    void connectorsUseOnlyTheSpiAndTheHttpStackOfTheHost() {
        for (String connector : connectorPackages) {
            noClasses().that().resideInAPackage(connector + "..")
                    .should().dependOnClassesThat(hostClassesOtherThanSpiAndHttpOrOwn(connector))
                    .because("a connector depends on connector-core's SPI and HTTP stack only (DESIGN.md)")
                    .check(main);
        }
    }

    @Test
    void coreNamesNoConnectorSchedulerDaemonOrTestkit() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("io.tributary.scheduler..",
                        "io.tributary.daemon..", "io.tributary.testkit..", "io.tributary.bench..")
                .check(main);
        for (String connector : connectorPackages) {
            noClasses().that().resideInAnyPackage(CORE)
                    .should().dependOnClassesThat().resideInAPackage(connector + "..")
                    .check(main);
        }
    }

    @Test
    void theSchedulerAndTheTestkitBuildOnCoreAlone() {
        for (String module : new String[] {"io.tributary.scheduler..", "io.tributary.testkit.."}) {
            noClasses().that().resideInAPackage(module)
                    .should().dependOnClassesThat().resideInAnyPackage("io.tributary.daemon..", "io.tributary.bench..")
                    .check(main);
            for (String connector : connectorPackages) {
                noClasses().that().resideInAPackage(module)
                        .should().dependOnClassesThat().resideInAPackage(connector + "..")
                        .check(main);
            }
        }
        noClasses().that().resideInAPackage("io.tributary.scheduler..")
                .should().dependOnClassesThat().resideInAPackage("io.tributary.testkit..")
                .check(main);
    }

    @Test
    void onlyTheDaemonsMetricsPackageNamesMicrometer() {
        noClasses().that().resideOutsideOfPackage("io.tributary.daemon.metrics..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..", "io.prometheus..")
                .because("core and the scheduler expose hooks, which the daemon implements with Micrometer in one "
                        + "package")
                .check(main);
    }

    @Test
    void corePackagesHaveNoCycles() {
        JavaClasses core = main.that(JavaClass.Predicates.resideInAnyPackage(CORE));
        slices().matching("io.tributary.(*)..").should().beFreeOfCycles()
                .because("each core package is one domain, and domains build on one another in one direction")
                .check(core);
    }

    private static String[] except(String[] packages, String... kept) {
        Set<String> rest = new TreeSet<>(Set.of(packages));
        rest.removeAll(Set.of(kept));
        return rest.toArray(String[]::new);
    }

    private static DescribedPredicate<JavaClass> hostClassesOtherThanSpiAndHttpOrOwn(String connector) {
        return DescribedPredicate.describe("host classes other than the SPI and HTTP stack",
                type -> type.getPackageName().startsWith("io.tributary")
                        && !type.getPackageName().startsWith("io.tributary.spi")
                        && !type.getPackageName().startsWith("io.tributary.http")
                        && !type.getPackageName().equals(connector)
                        && !type.getPackageName().startsWith(connector + "."));
    }
}
