package dearly;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;

/**
 * How Dearly's packages may depend on each other, checked on the compiled classes so that a new
 * import that breaks it fails the build, not a later review; and who owns each table, checked on
 * the sources, since SQL is text that no class dependency shows.
 *
 * <p>Nothing is frozen or allowed here: no two packages depend on each other in a circle, and each
 * table's SQL stands in the one package the README's architecture section names for it.
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

    @Test
    void rowMappersStayWithTheirTable() {
        noMethods().that().arePublic().and().areDeclaredInClassesThat().arePublic()
                .should().haveRawParameterTypes(ResultSet.class, StatementContext.class)
                .because("a feature reads its rows into values itself (registered with JDBI); another feature asks it for the values")
                .check(DEARLY);
        noClasses().that().arePublic().should().implement(RowMapper.class)
                .because("row mappers are registered with JDBI by their table's owner, not handed to other features")
                .check(DEARLY);
    }

    /**
     * Each table's SQL stands in one feature package, the one the README names as its owner; a
     * table the README does not list fails too, so a new table arrives with its owner written down.
     */
    @Test
    void eachTableHasOneOwnerAndTheReadmeNamesIt() throws IOException {
        Map<String, String> owners = TableOwners.fromReadme(Path.of("README.md"));
        Set<String> tables = TableOwners.tablesInMigrations(Path.of("src/main/resources/db/migration"));
        assertThat(owners.keySet()).as("tables in the README's table of owners").containsExactlyInAnyOrderElementsOf(tables);
        Map<String, Set<String>> found = TableOwners.packagesWithSql(Path.of("src/main/java/dearly"), tables);
        found.forEach((table, packages) -> assertThat(packages)
                .as("packages with SQL on %s (its owner is %s)", table, owners.get(table))
                .allMatch(owners.get(table)::equals));
    }
}
