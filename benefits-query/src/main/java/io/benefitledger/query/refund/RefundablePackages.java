package io.benefitledger.query.refund;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One page of the packages still refundable, each with its deadline and the time left until it. */
public record RefundablePackages(List<Refundable> rows, int page, int size, long total) {

    public record Refundable(String partnerId, String packageId, Instant purchasedAt, Instant deadline, Duration timeLeft) {
    }

    public RefundablePackages {
        rows = List.copyOf(rows);
    }
}
