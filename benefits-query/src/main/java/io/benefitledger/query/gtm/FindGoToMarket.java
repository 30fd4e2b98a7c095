package io.benefitledger.query.gtm;

import java.time.Instant;

/** The Go-To-Market tab of a partner, with offers' expiry judged at {@code at}. */
public record FindGoToMarket(String partnerId, Instant at) {
}
