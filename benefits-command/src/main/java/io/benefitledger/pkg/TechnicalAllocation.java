package io.benefitledger.pkg;

import io.benefitledger.Identifiers;
import io.benefitledger.benefit.BenefitKind;
import io.benefitledger.benefit.Unit;

/**
 * A technical benefit of a package: product-support incidents, or partner advisory / technical presales and
 * deployment hours, drawn against {@code quantity}.
 */
public record TechnicalAllocation(String allocationId, String name, int quantity, Unit unit) {

    public TechnicalAllocation {
        Identifiers.check("allocation id", allocationId);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the name of a technical benefit is required");
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("a technical benefit holds at least one incident or hour");
        }
        BenefitKind.TECHNICAL.unit(unit);
    }
}
