package io.benefitledger.partner;

import io.benefitledger.BenefitRuleViolation;

/** The acting user is not in the partner's directory, or their roles do not allow what they asked. */
public class NotPermitted extends BenefitRuleViolation {

    public NotPermitted(UserId user, String what) {
        this("user " + user + " may not " + what);
    }

    protected NotPermitted(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "not-permitted";
    }
}
