package io.benefitledger.catalogue;

import io.benefitledger.BenefitRuleViolation;
import io.benefitledger.pkg.OfferingId;

/** The offering was withdrawn: it cannot be bought (nor withdrawn again) until the program publishes it anew. */
public class OfferingNotOnSale extends BenefitRuleViolation {

    OfferingNotOnSale(OfferingId offering, OfferingWithdrawn withdrawal) {
        super("offering " + offering + " was withdrawn at " + withdrawal.at() + " (version " + withdrawal.version()
              + "); it is not on sale");
    }

    @Override
    public String code() {
        return "offering-withdrawn";
    }
}
