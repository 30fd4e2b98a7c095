package io.benefitledger.query.reports;

import io.benefitledger.benefit.BenefitKind;

import java.util.List;

/** One page of the utilisation report. */
public record Utilisation(List<Row> rows, int page, int size, long total) {

    /** {@code unit} says what is counted: keys, subscriptions, seats, hours or incidents. */
    public record Row(String partnerId, BenefitKind.Tab category, String product, String unit, long allocated, long used,
                      long remaining) {
    }

    public Utilisation {
        rows = List.copyOf(rows);
    }
}
