package io.benefitledger.offer;

import java.util.List;

/**
 * The languages the program communicates in (its mails and instructions are written in these): a marketing
 * contact's preferred language is one of them.
 */
public record ProgramLanguages(List<LanguageTag> supported) {

    public ProgramLanguages {
        if (supported == null || supported.isEmpty()) {
            throw new IllegalArgumentException("the program supports at least one language");
        }
        supported = List.copyOf(supported);
    }

    /** The language as the program writes it, e.g. {@code zh-TW} for {@code ZH-tw}; refused when not supported. */
    LanguageTag supported(LanguageTag preferred) {
        return supported.stream().filter(language -> language.value().equalsIgnoreCase(preferred.value())).findFirst()
                .orElseThrow(() -> OfferRefused.languageNotSupported(preferred, supported));
    }
}
