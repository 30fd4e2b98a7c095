package io.benefitledger.partner;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address. Two addresses are the same address whatever the letter case, which is what the rule
 * "the alternative e-mail must differ from the company account e-mail" compares by.
 */
public record EmailAddress(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,63}");

    public EmailAddress {
        if (value == null || value.length() > 254 || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a valid e-mail address");
        }
    }

    public boolean sameAddressAs(EmailAddress other) {
        return value.toLowerCase(Locale.ROOT).equals(other.value.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
