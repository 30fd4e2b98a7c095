package io.benefitledger.query;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The query side reads events; it never reaches into the write side's aggregates or sends its commands from
 * inside a projection. Events and value types of benefits-command are its only contract with it.
 */
class QuerySideBoundaryTest {

    static final JavaClasses QUERY_SIDE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.benefitledger.query");

    static final DescribedPredicate<JavaClass> AGGREGATES = DescribedPredicate.describe("are aggregates",
            type -> type.isAnnotatedWith(Aggregate.class)
                    || type.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(CommandHandler.class))
                    || type.getConstructors().stream().anyMatch(c -> c.isAnnotatedWith(CommandHandler.class)));

    static final DescribedPredicate<JavaClass> COMMANDS = DescribedPredicate.describe("are commands",
            type -> type.getFields().stream().anyMatch(field -> field.isAnnotatedWith(TargetAggregateIdentifier.class))
                    || type.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(TargetAggregateIdentifier.class)));

    @Test
    void the_query_side_never_depends_on_an_aggregate() {
        noClasses().should().dependOnClassesThat(AGGREGATES).check(QUERY_SIDE);
    }

    @Test
    void the_query_side_never_depends_on_a_command() {
        noClasses().should().dependOnClassesThat(COMMANDS).check(QUERY_SIDE);
    }
}
