package io.benefitledger;

import java.util.regex.Pattern;

/** The one shape every identifier in the ledger has, so ids are safe in URLs, logs and keys. */
public final class Identifiers {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");

    private Identifiers() {
    }

    /** @throws IllegalArgumentException when {@code value} is not a valid identifier */
    public static void check(String kind, String value) {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(kind + " must be 1 to 128 letters, digits or . _ : @ -, starting with a letter or digit");
        }
    }
}
