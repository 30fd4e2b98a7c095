package io.benefitledger.pkg;

import io.benefitledger.BenefitRuleViolation;

import java.util.List;

/** A reveal named a display language or operating system the product does not offer. */
public class ChoiceNotOffered extends BenefitRuleViolation {

    private final String code;

    private ChoiceNotOffered(String code, String message) {
        super(message);
        this.code = code;
    }

    static ChoiceNotOffered language(ProductId product, String language, List<String> offered) {
        return new ChoiceNotOffered("language-not-offered",
                "product " + product + " is not offered in language '" + language + "'; it is offered in " + offered);
    }

    static ChoiceNotOffered operatingSystem(ProductId product, String os, List<String> offered) {
        return new ChoiceNotOffered("operating-system-not-offered",
                "product " + product + " is not offered for operating system '" + os + "'; it is offered for " + offered);
    }

    @Override
    public String code() {
        return code;
    }
}
