package io.benefitledger;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The features of the write side depend on each other in one direction only (partner, then benefit, then pkg, then
 * seat and offer, then the lifecycle policies above them), so a feature can be read, and changed, without the ones
 * above it.
 */
class FeatureSlicesTest {

    static final JavaClasses WRITE_SIDE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.benefitledger");

    @Test
    void no_two_features_depend_on_each_other() {
        slices().matching("io.benefitledger.(*)..").should().beFreeOfCycles().check(WRITE_SIDE);
    }
}
