package io.benefitledger.pkg;

import io.benefitledger.BenefitRuleViolation;

/** The partner holds as many packages of the offering in the membership year as the offering allows. */
public class PurchaseLimitReached extends BenefitRuleViolation {

    PurchaseLimitReached(OfferingId offering, PurchaseLimit limit, int held) {
        super("offering " + offering + " may be bought " + limit.perMembershipYear() + " time(s) per membership year;"
              + " the partner holds " + held + " package(s) of it in the year this purchase would begin");
    }

    @Override
    public String code() {
        return "purchase-limit-reached";
    }
}
