package io.benefitledger.offer;

import java.util.IllformedLocaleException;
import java.util.Locale;

/** A preferred language as a well-formed BCP 47 language tag, e.g. {@code en-US} or {@code zh-TW}. */
public record LanguageTag(String value) {

    public LanguageTag {
        if (value == null || value.isBlank() || value.length() > 35) {
            throw new IllegalArgumentException("a preferred language is a language tag such as en-US");
        }
        try {
            new Locale.Builder().setLanguageTag(value);
        } catch (IllformedLocaleException e) {
            throw new IllegalArgumentException("'" + value + "' is not a well-formed language tag such as en-US");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
