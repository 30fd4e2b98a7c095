package io.benefitledger.pkg;

import io.benefitledger.BenefitRuleViolation;

/** A reveal asked for more keys than the product has left. */
public class KeysExhausted extends BenefitRuleViolation {

    KeysExhausted(ProductId product, int asked, int left, int allocated) {
        super("product " + product + " has " + left + " of its " + allocated + " license keys left; "
              + asked + " were asked");
    }

    @Override
    public String code() {
        return "keys-exhausted";
    }
}
