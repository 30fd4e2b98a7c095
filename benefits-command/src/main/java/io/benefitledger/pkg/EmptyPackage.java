package io.benefitledger.pkg;

import io.benefitledger.BenefitRuleViolation;

/** A purchase must hold at least one benefit. */
public class EmptyPackage extends BenefitRuleViolation {

    EmptyPackage() {
        super("a package must hold at least one benefit: a product, a subscription, a seat or a technical benefit");
    }

    @Override
    public String code() {
        return "empty-package";
    }
}
