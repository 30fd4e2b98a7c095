package io.benefitledger.pkg;

import io.benefitledger.BenefitRuleViolation;

import java.time.Instant;

/** A product whose validity the offering counts from its activation is past it: its keys can no longer be revealed. */
public class ProductNoLongerValid extends BenefitRuleViolation {

    ProductNoLongerValid(ProductId productId, Instant expiresAt) {
        super("product " + productId + " expired at " + expiresAt + ", its validity counted from its first keys' reveal");
    }

    @Override
    public String code() {
        return "product-expired";
    }
}
