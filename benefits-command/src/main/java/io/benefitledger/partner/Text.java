package io.benefitledger.partner;

import java.util.Set;

/** The checks every free-text field of the directory gets: present, not too long, no control characters. */
final class Text {

    private Text() {
    }

    static void require(String what, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(what + " must be at most " + maxLength + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " must not contain control characters");
        }
    }

    static Set<String> qualifications(Set<String> qualifications) {
        Set<String> copy = qualifications == null ? Set.of() : Set.copyOf(qualifications);
        copy.forEach(qualification -> require("a qualification", qualification, 100));
        return copy;
    }
}
