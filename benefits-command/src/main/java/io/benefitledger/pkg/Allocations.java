package io.benefitledger.pkg;

import io.benefitledger.benefit.BenefitKind;
import io.benefitledger.benefit.Unit;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    /**
     * One allocation of the package, whatever its kind.
     *
     * @param product the licensed product, for an allocation of keys; null otherwise
     */
    public record Allocated(BenefitKind kind, String allocationId, String name, int quantity, Unit unit,
                            LicensedProduct product) {
    }

    /** Every allocation of the package with its kind, tab by tab: the one place that knows which list holds which kind. */
    public Stream<Allocated> all() {
        return Stream.of(
                software.stream().map(product -> licensed(BenefitKind.SOFTWARE, product)),
                cloudLicenses.stream().map(product -> licensed(BenefitKind.CLOUD_LICENSE, product)),
                cloudUsage.stream().map(usage -> new Allocated(BenefitKind.AZURE_USAGE, usage.allocationId(),
                        usage.name(), 1, Unit.SUBSCRIPTION, null)),
                visualStudio.stream().map(seats -> new Allocated(BenefitKind.VISUAL_STUDIO, seats.allocationId(),
                        seats.name(), seats.seats(), Unit.SEAT, null)),
                technical.stream().map(benefit -> new Allocated(BenefitKind.TECHNICAL, benefit.allocationId(),
                        benefit.name(), benefit.quantity(), benefit.unit(), null)))
                .flatMap(kind -> kind);
    }

    /** Every benefit activated by assignment, in a stable order: the subscriptions the package opens. */
    public List<AssignableBenefit> assignableBenefits(PackageId packageId) {
        return all().flatMap(allocated -> allocated.kind().opening()
                        .shares(packageId.value(), allocated.allocationId(), allocated.quantity()).stream()
                        .map(share -> new AssignableBenefit(share.subscriptionId(), allocated.kind(),
                                allocated.allocationId(), allocated.name(), share.quantity(), allocated.unit())))
                .toList();
    }

    /**
     * Refuses contents no package may hold: none at all, two allocations under one id, or more than the limits below.
     * Checked when the catalogue publishes an offering, and again when a package of it is bought, under the limits
     * then in force.
     */
    public void requireWithinLimits() {
        if (isEmpty()) {
            throw new EmptyPackage();
        }
        beyondLimits().ifPresent(limit -> {
            throw new PackageTooLarge(limit);
        });
        Set<String> seen = new HashSet<>();
        ids().filter(id -> !seen.add(id)).findFirst().ifPresent(id -> {
            throw new DuplicateAllocation(id);
        });
    }

    /** Every id a purchase names for a product or allocation; they must be distinct within the package. */
    Stream<String> ids() {
        return all().map(Allocated::allocationId);
    }

    /**
     * The first of the limits above that this package goes beyond, in an admin's words. The limits bound the work
     * one purchase causes (every assignable benefit becomes a subscription of its own, in the purchase's
     * transaction); no real package comes near them. A rule of the purchase, not of this record: packages recorded
     * before the limits existed must still load.
     */
    Optional<String> beyondLimits() {
        long allocations = all().count();
        if (allocations > MAX_ALLOCATIONS) {
            return Optional.of("a package may hold at most " + MAX_ALLOCATIONS + " products and allocations in all, not "
                               + allocations);
        }
        long assignable = all().mapToLong(allocated -> allocated.kind().opening().count(allocated.quantity())).sum();
        if (assignable > MAX_ASSIGNABLE_BENEFITS) {
            return Optional.of("a package may open at most " + MAX_ASSIGNABLE_BENEFITS
                               + " subscriptions (usage subscriptions, Visual Studio seats and technical benefits) in all, not "
                               + assignable);
        }
        return all().flatMap(allocated -> allocated.kind().beyondLimit(allocated.allocationId(), allocated.quantity())
                .stream()).findFirst();
    }

    boolean isEmpty() {
        return all().findAny().isEmpty();
    }

    private static Allocated licensed(BenefitKind kind, LicensedProduct product) {
        return new Allocated(kind, product.productId().value(), product.name(), product.keys(), Unit.KEY, product);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
