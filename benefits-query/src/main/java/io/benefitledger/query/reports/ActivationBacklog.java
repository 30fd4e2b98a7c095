package io.benefitledger.query.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One page of the activation backlog, oldest first unless sorted otherwise. */
public record ActivationBacklog(List<Pending> rows, int page, int size, long total) {

    /** {@code id} is the subscription id of a technical benefit, the offer id of an offer. */
    public record Pending(String partnerId, String kind, String id, String packageId, String name, Instant pendingSince,
                          Duration age) {
    }

    public ActivationBacklog {
        rows = List.copyOf(rows);
    }
}
