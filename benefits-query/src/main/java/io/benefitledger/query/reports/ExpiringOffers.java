package io.benefitledger.query.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One page of the offers about to expire, soonest first unless sorted otherwise. */
public record ExpiringOffers(List<Offer> rows, int page, int size, long total) {

    public record Offer(String partnerId, String offerId, String packageId, String name, Instant activatedAt,
                        Instant expiresAt, Duration timeLeft) {
    }

    public ExpiringOffers {
        rows = List.copyOf(rows);
    }
}
