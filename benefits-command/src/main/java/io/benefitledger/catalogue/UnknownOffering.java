package io.benefitledger.catalogue;

import io.benefitledger.BenefitRuleViolation;
import io.benefitledger.pkg.OfferingId;

/** A purchase named an offering the catalogue has never published. */
public class UnknownOffering extends BenefitRuleViolation {

    UnknownOffering(OfferingId offering) {
        super("the catalogue has no offering " + offering + "; GET /catalogue/offerings lists those on sale");
    }

    @Override
    public String code() {
        return "unknown-offering";
    }
}
