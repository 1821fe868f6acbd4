package dearly;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * How Dearly's packages may depend on each other, checked on the compiled classes so that a new
 * import that breaks it fails the build, not a later review.
 *
 * <p>Today no two packages depend on each other in a circle, so nothing is frozen or allowed here.
 * Features still share tables through SQL, which no class dependency shows: asking reads
 * {@code letter} while letters reads {@code question}, {@code asker} and {@code child} (a circle in
 * the data: asking and letters); desk writes {@code question}, reads {@code asker} and feeds
 * {@code letter}; admin and crisis both write {@code crisis_resource}. Giving each table one owner
 * is issue 7's item 1.
 */
class ArchitectureTest {
    /** Shared by every feature, so they may know none: a feature that needs them is what depends. */
    private static final String[] CROSS_CUTTING = {"dearly.web..", "dearly.storage..", "dearly.language.."};

    private static final JavaClasses DEARLY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dearly");

    /** One slice per package under dearly, and one for the top level (the command line and App). */
    private static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (name.equals("dearly")) return SliceIdentifier.of("dearly (top level)");
            if (name.startsWith("dearly.")) return SliceIdentifier.of("dearly." + name.split("\\.")[1]);
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of dearly";
        }
    };

    @Test
    void noPackagesDependOnEachOtherInACircle() {
        slices().assignedFrom(PACKAGES).should().beFreeOfCycles().check(DEARLY);
    }

    @Test
    void theSharedLayersKnowNoFeature() {
        noClasses().that().resideInAnyPackage(CROSS_CUTTING)
                .should().dependOnClassesThat(resideInAPackage("dearly..").and(not(resideInAnyPackage(CROSS_CUTTING))))
                .because("web/, storage/ and language/ serve every feature; a feature tells them what they need (see web.SignedIn)")
                .check(DEARLY);
    }
}
