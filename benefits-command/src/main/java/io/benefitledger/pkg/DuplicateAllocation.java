package io.benefitledger.pkg;

import io.benefitledger.BenefitRuleViolation;

/** A purchase named the same product or allocation id twice. */
public class DuplicateAllocation extends BenefitRuleViolation {

    DuplicateAllocation(String id) {
        super("'" + id + "' names more than one product or allocation in the purchase; ids must be distinct");
    }

    @Override
    public String code() {
        return "duplicate-allocation";
    }
}
