package io.benefitledger;

/**
 * A command broke one of the ledger's rules. Nothing was recorded.
 * Subclasses name the rule; the message says, in an admin's words, what was wrong.
 */
public abstract class BenefitRuleViolation extends RuntimeException {

    protected BenefitRuleViolation(String message) {
        super(message);
    }

    /** A stable, machine-readable name of the broken rule, e.g. {@code keys-exhausted}. */
    public abstract String code();
}
