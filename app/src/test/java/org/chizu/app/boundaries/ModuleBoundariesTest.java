package org.chizu.app.boundaries;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The module boundaries, checked on the compiled main classes of every module (app's test class path
 * holds them all): modules form no cycle, the kernels depend only downwards, nothing depends on app, and
 * a module uses another only through the packages that one publishes ({@link ChizuModule} says which).
 * Their SQL is checked by {@link ModuleTablesTest}.
 */
@AnalyzeClasses(packages = "org.chizu", importOptions = {ImportOption.DoNotIncludeTests.class, ModuleBoundariesTest.NoTestJars.class})
class ModuleBoundariesTest {

    private static final String CHIZU = "org.chizu..";

    @ArchTest
    static void everyModuleIsImportedFromItsOwnFolder(JavaClasses classes) {
        Set<ChizuModule> found = classes.stream().map(ModuleBoundariesTest::moduleOf).flatMap(Optional::stream)
                .collect(Collectors.toSet());
        assertThat(found).as("modules whose classes were imported").containsExactlyInAnyOrder(ChizuModule.values());
        // A class in another module's package would pass for that module's own and escape every rule below.
        List<String> misplaced = classes.stream()
                .filter(c -> folderOf(c).isEmpty() || !folderOf(c).equals(moduleOf(c).map(m -> m.directory)))
                .map(c -> c.getName() + " was read from " + c.getSource().map(source -> source.getUri().toString()).orElse("nowhere"))
                .toList();
        assertThat(misplaced).as("classes outside their module's package").isEmpty();
    }

    @ArchTest
    static final ArchRule modulesFormNoCycle = slices().matching("org.chizu.(*)..").namingSlices("module $1")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule platformDependsOnNoOtherModule = noClasses().that().resideInAPackage("org.chizu.platform..")
            .should().dependOnClassesThat(resideInAPackage(CHIZU).and(not(resideInAPackage("org.chizu.platform.."))))
            .because("platform is the GIS-free kernel every module builds on");

    @ArchTest
    static final ArchRule gisCoreDependsOnlyOnPlatform = noClasses().that().resideInAPackage("org.chizu.gis..")
            .should().dependOnClassesThat(resideInAPackage(CHIZU).and(not(resideInAnyPackage("org.chizu.gis..", "org.chizu.platform.."))))
            .because("gis-core is the spatial kernel: layers, coordinate systems and PostGIS, and knows no feature module");

    @ArchTest
    static final ArchRule nothingDependsOnApp = noClasses().that().resideOutsideOfPackage("org.chizu.app..")
            .should().dependOnClassesThat().resideInAPackage("org.chizu.app..")
            .because("app only assembles the modules");

    @ArchTest
    static final ArchRule modulesUseOnlyPublishedPackagesOfOthers = classes().that().resideInAPackage(CHIZU)
            .should(usePublishedPackagesOnly());

    private static ArchCondition<JavaClass> usePublishedPackagesOnly() {
        return new ArchCondition<>("use other modules only through their published packages") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<ChizuModule> from = moduleOf(origin);
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getBaseComponentType().getPackageName();
                    ChizuModule.owning(target)
                            .filter(to -> from.isPresent() && to != from.get() && !to.publishes(target))
                            .ifPresent(to -> events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                                    + ": " + target + " is internal to " + to.directory + " (" + from.get().directory + " may use "
                                    + to.directory + "'s published packages only; see ChizuModule)")));
                }
            }
        };
    }

    private static Optional<ChizuModule> moduleOf(JavaClass javaClass) {
        return ChizuModule.owning(javaClass.getPackageName());
    }

    /** The module folder (or jar) a class was read from: ".../open-data/target/classes/...", ".../open-data-0.1.0.jar!...". */
    private static final Pattern FOLDER = Pattern.compile("/([a-z-]+)/target/classes/|/([a-z-]+)-\\d[^/]*\\.jar!");

    private static Optional<String> folderOf(JavaClass javaClass) {
        return javaClass.getSource().map(source -> FOLDER.matcher(source.getUri().toString()))
                .filter(Matcher::find)
                .map(m -> m.group(1) != null ? m.group(1) : m.group(2));
    }

    /** Leaves out the test-jars other modules share (their fixtures are no published API). */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar") && !location.contains("/test-classes/");
        }
    }
}
