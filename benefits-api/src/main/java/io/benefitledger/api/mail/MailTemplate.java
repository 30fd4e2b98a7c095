package io.benefitledger.api.mail;

import java.util.List;

/**
 * Each mail the program sends: its template (the text and HTML layouts under {@code templates/mail}, with the
 * paragraphs in the message bundles, {@code <name>.subject} and {@code <name>.p1}, {@code .p2}, …) and the facts its
 * messages take as {@code {0}}, {@code {1}}, … in this order. No fact is ever a license key.
 */
enum MailTemplate {

    TECHNICAL_BENEFIT_ASSIGNED("technical-benefit-assigned", 2, "benefit", "package"),
    TECHNICAL_BENEFIT_ACTIVE("technical-benefit-active", 3, "benefit", "package", "fulfilmentReference"),
    SEAT_ASSIGNED("seat-assigned", 2, "benefit", "subscription"),
    SEAT_REMOVED("seat-removed", 1, "benefit", "subscription"),
    OFFER_ACTIVATION_REQUESTED("offer-activation-requested", 2, "offer"),
    OFFER_ACTIVE("offer-active", 2, "offer", "expires"),
    OFFER_EXPIRING_SOON("offer-expiring-soon", 2, "offer", "expires"),
    REFUND_GRANTED("refund-granted", 2, "what", "serviceRequest"),
    REFUND_DENIED("refund-denied", 2, "what", "serviceRequest");

    private final String code;
    private final int paragraphs;
    private final List<String> facts;

    MailTemplate(String code, int paragraphs, String... facts) {
        this.code = code;
        this.paragraphs = paragraphs;
        this.facts = List.of(facts);
    }

    String code() {
        return code;
    }

    /** The message keys of its paragraphs, in order. */
    List<String> paragraphKeys() {
        return java.util.stream.IntStream.rangeClosed(1, paragraphs).mapToObj(n -> code + ".p" + n).toList();
    }

    List<String> facts() {
        return facts;
    }

    static MailTemplate ofCode(String code) {
        for (MailTemplate template : values()) {
            if (template.code.equals(code)) {
                return template;
            }
        }
        throw new IllegalArgumentException("no mail template " + code);
    }
}
