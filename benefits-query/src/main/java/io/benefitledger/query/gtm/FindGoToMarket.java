package io.benefitledger.query.gtm;

/** The Go-To-Market tab of a partner, as recorded: an offer reads expired once its expiry was recorded. */
public record FindGoToMarket(String partnerId) {
}
