package io.benefitledger.pkg;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a package holds, per Benefits tab. Each allocation has a quantity that reveals, assignments and draws never
 * exceed.
 *
 * @param software      Software tab: licensed products, activated by revealing their keys
 * @param cloudLicenses Cloud tab: license-based subscriptions, activated by revealing their keys
 * @param cloudUsage    Cloud tab: usage-based Azure subscriptions, activated by assigning yourself
 * @param visualStudio  Visual Studio subscriptions tab: seats, each assigned to one user
 * @param technical     Technical benefits tab: incidents and hours, activated by assigning a user
 */
public record Allocations(List<LicensedProduct> software, List<LicensedProduct> cloudLicenses,
                          List<UsageSubscriptionAllocation> cloudUsage, List<SeatAllocation> visualStudio,
                          List<TechnicalAllocation> technical) {

    /** Products and allocations of one package, over all its tabs. */
    public static final int MAX_ALLOCATIONS = 50;
    /** Benefits one package opens as subscriptions (each usage subscription, seat and technical benefit is one). */
    public static final int MAX_ASSIGNABLE_BENEFITS = 500;
    public static final int MAX_KEYS_PER_PRODUCT = 10_000;
    public static final int MAX_TECHNICAL_QUANTITY = 10_000;

    public Allocations {
        software = copy(software);
        cloudLicenses = copy(cloudLicenses);
        cloudUsage = copy(cloudUsage);
        visualStudio = copy(visualStudio);
        technical = copy(technical);
    }

    public static Allocations software(List<LicensedProduct> software) {
        return new Allocations(software, List.of(), List.of(), List.of(), List.of());
    }

    /** Software products and license-based cloud subscriptions: everything whose keys can be revealed. */
    public Stream<LicensedProduct> licensedProducts() {
        return Stream.concat(software.stream(), cloudLicenses.stream());
    }

    /** Every id a purchase names for a product or allocation; they must be distinct within the package. */
    Stream<String> ids() {
        return Stream.of(licensedProducts().map(product -> product.productId().value()),
                        cloudUsage.stream().map(UsageSubscriptionAllocation::allocationId),
                        visualStudio.stream().map(SeatAllocation::allocationId),
                        technical.stream().map(TechnicalAllocation::allocationId))
                .flatMap(ids -> ids);
    }

    /** Every benefit activated by assignment, in a stable order: the subscriptions the package opens. */
    public List<AssignableBenefit> assignableBenefits(PackageId packageId) {
        List<AssignableBenefit> benefits = new ArrayList<>();
        cloudUsage.forEach(usage -> benefits.add(new AssignableBenefit(packageId + ":" + usage.allocationId(),
                AssignableBenefit.Category.CLOUD_USAGE, usage.allocationId(), usage.name(), 1, null)));
        visualStudio.forEach(seats -> {
            for (int seat = 1; seat <= seats.seats(); seat++) {
                benefits.add(new AssignableBenefit(packageId + ":" + seats.allocationId() + ":" + seat,
                        AssignableBenefit.Category.VISUAL_STUDIO, seats.allocationId(), seats.name(), 1, null));
            }
        });
        technical.forEach(benefit -> benefits.add(new AssignableBenefit(packageId + ":" + benefit.allocationId(),
                AssignableBenefit.Category.TECHNICAL, benefit.allocationId(), benefit.name(), benefit.quantity(),
                benefit.unit())));
        return benefits;
    }

    /**
     * The first of the limits above that this package goes beyond, in an admin's words. The limits bound the work
     * one purchase causes (every assignable benefit becomes a subscription of its own, in the purchase's
     * transaction); no real package comes near them. A rule of the purchase, not of this record: packages recorded
     * before the limits existed must still load.
     */
    Optional<String> beyondLimits() {
        long allocations = licensedProducts().count() + cloudUsage.size() + visualStudio.size() + technical.size();
        if (allocations > MAX_ALLOCATIONS) {
            return Optional.of("a package may hold at most " + MAX_ALLOCATIONS + " products and allocations in all, not "
                               + allocations);
        }
        long assignable = cloudUsage.size() + technical.size()
                          + visualStudio.stream().mapToLong(SeatAllocation::seats).sum();
        if (assignable > MAX_ASSIGNABLE_BENEFITS) {
            return Optional.of("a package may open at most " + MAX_ASSIGNABLE_BENEFITS
                               + " subscriptions (usage subscriptions, Visual Studio seats and technical benefits) in all, not "
                               + assignable);
        }
        Optional<String> keys = licensedProducts().filter(product -> product.keys() > MAX_KEYS_PER_PRODUCT).findFirst()
                .map(product -> "product '" + product.productId().value() + "' may hold at most " + MAX_KEYS_PER_PRODUCT
                                + " license keys, not " + product.keys());
        if (keys.isPresent()) {
            return keys;
        }
        return technical.stream().filter(benefit -> benefit.quantity() > MAX_TECHNICAL_QUANTITY).findFirst()
                .map(benefit -> "technical benefit '" + benefit.allocationId() + "' may hold at most "
                                + MAX_TECHNICAL_QUANTITY + " incidents or hours, not " + benefit.quantity());
    }

    boolean isEmpty() {
        return software.isEmpty() && cloudLicenses.isEmpty() && cloudUsage.isEmpty() && visualStudio.isEmpty()
               && technical.isEmpty();
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
