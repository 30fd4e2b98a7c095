package io.benefitledger.benefit;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A kind of benefit a package holds, and everything that differs between kinds: the Benefits tab that shows it, how
 * it is activated, which subscriptions an allocation of it opens, what it is counted in, and how much one allocation
 * may hold. A new kind of benefit starts as a constant here (README, "Layout").
 */
public enum BenefitKind {
    /** Licensed products of the Software tab. */
    SOFTWARE(Tab.SOFTWARE, Activation.REVEAL_KEYS, Opening.NONE, List.of(Unit.KEY), "product", 10_000),
    /** License-based subscriptions of the Cloud tab. */
    CLOUD_LICENSE(Tab.CLOUD, Activation.REVEAL_KEYS, Opening.NONE, List.of(Unit.KEY), "product", 10_000),
    /** Usage-based Azure subscriptions of the Cloud tab. */
    AZURE_USAGE(Tab.CLOUD, Activation.ASSIGN_YOURSELF, Opening.WHOLE, List.of(Unit.SUBSCRIPTION),
            "usage-based subscription", 1),
    /** Visual Studio subscriptions: one seat per subscription. */
    VISUAL_STUDIO(Tab.VISUAL_STUDIO, Activation.ASSIGN_USER, Opening.EACH_UNIT, List.of(Unit.SEAT),
            "Visual Studio subscription", 500),
    /** Product-support incidents, or advisory and presales hours, drawn on once fulfilled. */
    TECHNICAL(Tab.TECHNICAL, Activation.ASSIGN_WITH_ALTERNATIVE_EMAIL, Opening.WHOLE, List.of(Unit.INCIDENT, Unit.HOUR),
            "technical benefit", 10_000);

    /** The Benefits tabs that show benefits of a kind; Go-To-Market shows the program's offers instead. */
    public enum Tab { SOFTWARE, CLOUD, VISUAL_STUDIO, TECHNICAL }

    private final Tab tab;
    private final Activation activation;
    private final Opening opening;
    private final List<Unit> units;
    private final String noun;
    private final int maxQuantity;

    BenefitKind(Tab tab, Activation activation, Opening opening, List<Unit> units, String noun, int maxQuantity) {
        this.tab = tab;
        this.activation = activation;
        this.opening = opening;
        this.units = units;
        this.noun = noun;
        this.maxQuantity = maxQuantity;
    }

    public Tab tab() {
        return tab;
    }

    public Activation activation() {
        return activation;
    }

    public Opening opening() {
        return opening;
    }

    /** The unit a benefit of this kind is counted in; {@code recorded} is null where the kind has only one. */
    public Unit unit(Unit recorded) {
        if (recorded == null && units.size() == 1) {
            return units.get(0);
        }
        if (!units.contains(recorded)) {
            throw new IllegalArgumentException("a " + noun + " is counted in " + unitNames() + ", not " + recorded);
        }
        return recorded;
    }

    /** Why an allocation of {@code quantity} is more than one allocation of this kind may hold, if it is. */
    public Optional<String> beyondLimit(String allocationId, int quantity) {
        return quantity <= maxQuantity ? Optional.empty()
                : Optional.of(noun + " '" + allocationId + "' may hold at most " + maxQuantity + " "
                                        + unitNames() + ", not " + quantity);
    }

    private String unitNames() {
        return units.stream().map(Unit::plural).collect(Collectors.joining(" or "));
    }
}
