package io.benefitledger.offer;

import java.util.regex.Pattern;

/** A phone number in international (E.164) format: a plus sign and 8 to 15 digits. */
public record PhoneNumber(String value) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

    public PhoneNumber {
        if (value == null || !E164.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a phone number in international format, e.g. +14255550100");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
