package org.solidarityfunds.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.Entity;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.idempotency.RetriedTransactions;

/**
 * The packages as layers (docs/architecture.md): features on top (funds, donors, pledges,
 * contributions, committees, disbursements, statements, the feed, supporting documents), the
 * ledger below them, and the shared packages at the bottom; arrows only point down, and nothing depends on the
 * dev tools. Read from the compiled main classes, without the application: a constant that
 * javac copies into its reader (a {@code static final String}) leaves no dependency there.
 */
class PackageGraphTest {

    private static final String ROOT = "org.solidarityfunds";
    private static final String[] FEATURES = {ROOT + ".fund..", ROOT + ".donor..", ROOT + ".pledge..",
            ROOT + ".contribution..", ROOT + ".committee..", ROOT + ".disbursement..", ROOT + ".statement..",
            ROOT + ".feed..", ROOT + ".fiscalyear..", ROOT + ".accounting..", ROOT + ".bank..", ROOT + ".bankstatement..", ROOT + ".document..", ROOT + ".donorshare..", ROOT + ".dev.."};
    private static final String[] BELOW_THE_FEATURES = {ROOT + ".ledger..", ROOT + ".money..", ROOT + ".problem..",
            ROOT + ".common..", ROOT + ".access..", ROOT + ".observability..", ROOT + ".idempotency..", ROOT + ".web..", ROOT + ".persistence.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importTheMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        org.assertj.core.api.Assertions.assertThat(classes.size()).as("main classes").isGreaterThan(100);
    }

    @Test
    void no_package_depends_on_itself_through_others() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void the_ledger_and_the_shared_packages_know_no_feature() {
        noClasses().that().resideInAnyPackage(BELOW_THE_FEATURES).should().dependOnClassesThat()
                .resideInAnyPackage(FEATURES).check(classes);
    }

    /** The console sits on top: it calls the features' services; nothing but the dev tools knows it. */
    @Test
    void nothing_below_the_console_knows_it() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".console..", ROOT + ".dev..").should().dependOnClassesThat()
                .resideInAPackage(ROOT + ".console..").check(classes);
    }

    @Test
    void no_service_calls_a_resource() {
        noClasses().that().haveSimpleNameEndingWith("Service").should().dependOnClassesThat()
                .haveSimpleNameEndingWith("Resource").check(classes);
    }

    /** The bottom of the house: shared rules and the database's edge know nothing of HTTP, commands or the ledger. */
    @Test
    void the_shared_rules_and_persistence_know_nothing_above_them() {
        noClasses().that().resideInAnyPackage(ROOT + ".common..", ROOT + ".persistence..", ROOT + ".money..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".web..", ROOT + ".idempotency..",
                        ROOT + ".ledger..", ROOT + ".access..", ROOT + ".openapi..")
                .check(classes);
    }

    /** Idempotency and the retried transaction: the command boundary every feature's service uses. */
    @Test
    void the_command_boundary_knows_nothing_above_it() {
        noClasses().that().resideInAPackage(ROOT + ".idempotency..").should().dependOnClassesThat(
                resideInAPackage(ROOT + "..").and(resideOutsideOfPackages(
                        ROOT + ".idempotency..", ROOT + ".problem..", ROOT + ".observability..")))
                .check(classes);
    }

    /** A resource translates HTTP; the service it calls opens and commits the transaction. */
    @Test
    void resources_open_no_transaction_and_services_speak_no_http() {
        noClasses().that().haveSimpleNameEndingWith("Resource").should().beAnnotatedWith(Transactional.class)
                .orShould().dependOnClassesThat().belongToAnyOf(QuarkusTransaction.class, RetriedTransactions.class)
                .check(classes);
        noMethods().that().areDeclaredInClassesThat().haveSimpleNameEndingWith("Resource").should()
                .beAnnotatedWith(Transactional.class).check(classes);
        noClasses().that().haveSimpleNameEndingWith("Service").should().dependOnClassesThat()
                .resideInAnyPackage("jakarta.ws.rs..", ROOT + ".web..").check(classes);
    }

    @Test
    void nothing_depends_on_the_dev_tools() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".dev..").should().dependOnClassesThat()
                .resideInAPackage(ROOT + ".dev..").check(classes);
    }

    @Test
    void entities_are_used_in_their_own_package_only() {
        for (JavaClass entity : classes.stream().filter(c -> c.isAnnotatedWith(Entity.class)).toList()) {
            noClasses().that().resideOutsideOfPackage(entity.getPackageName()).should().dependOnClassesThat()
                    .belongToAnyOf(entity.reflect()).because(entity.getSimpleName() + " is " + entity.getPackageName()
                            + "'s own").allowEmptyShould(true).check(classes);
        }
    }
}
