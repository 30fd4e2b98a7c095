package io.benefitledger.pkg;

import io.benefitledger.BenefitRuleViolation;

/** A purchase beyond the limits of what one package may hold ({@link Allocations}). */
public class PackageTooLarge extends BenefitRuleViolation {

    PackageTooLarge(String limit) {
        super(limit);
    }

    @Override
    public String code() {
        return "package-too-large";
    }
}
