package io.benefitledger.pkg;

import io.benefitledger.BenefitRuleViolation;

/** A purchase listed the same product twice. */
public class DuplicateProduct extends BenefitRuleViolation {

    DuplicateProduct(ProductId product) {
        super("product " + product + " is listed more than once in the purchase");
    }

    @Override
    public String code() {
        return "duplicate-product";
    }
}
