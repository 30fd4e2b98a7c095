package io.benefitledger.query.refund;

import io.benefitledger.NotFound;
import io.benefitledger.pkg.KeysRevealed;
import io.benefitledger.pkg.PackageCancelled;
import io.benefitledger.pkg.PackagePurchased;
import io.benefitledger.pkg.refund.Evidence;
import io.benefitledger.pkg.refund.RefundDecision;
import io.benefitledger.pkg.refund.RefundPolicy;
import io.benefitledger.query.BatchRows;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.benefitledger.query.reports.ReportPage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps, per package, the facts the refund rule looks at, and answers eligibility by applying
 * {@link RefundPolicy} to them: the same rule the {@code BenefitPackage} aggregate enforces on cancellation.
 */
@Component
@ProcessingGroup(RefundEligibilityProjection.NAME)
public class RefundEligibilityProjection {

    public static final String NAME = "refund-eligibility";

    private final RefundEligibilityRepository rows;
    private final BatchRows<RefundEligibility.Key, RefundEligibility> batch;

    RefundEligibilityProjection(RefundEligibilityRepository rows, EntityManager entities) {
        this.rows = rows;
        this.batch = new BatchRows<>(RefundEligibility.class, rows::findByPackageIdIn, RefundEligibility::key, entities);
    }

    @EventHandler
    void on(PackagePurchased event, EventMessage<?> message, @SequenceNumber long sequence) {
        batch.persist(new RefundEligibility(event.packageId().value(), event.partnerId().value(),
                evidence(message, event.at(), sequence)));
    }

    @EventHandler
    void on(KeysRevealed event, EventMessage<?> message, @SequenceNumber long sequence) {
        Evidence reveal = evidence(message, event.at(), sequence);
        batch.find(new RefundEligibility.Key(event.partnerId().value(), event.packageId().value()))
                .filter(row -> !row.hasSeen(reveal.sequenceNumber()))
                .ifPresent(row -> row.softwareActivated(reveal));
    }

    @EventHandler
    void on(PackageCancelled event, EventMessage<?> message, @SequenceNumber long sequence) {
        Evidence cancellation = evidence(message, event.at(), sequence);
        batch.find(new RefundEligibility.Key(event.partnerId().value(), event.packageId().value()))
                .filter(row -> !row.hasSeen(cancellation.sequenceNumber()))
                .ifPresent(row -> row.cancelled(cancellation));
    }

    @ResetHandler
    void reset() {
        rows.deleteAllInBatch();
    }

    @QueryHandler
    @Transactional(readOnly = true)
    RefundDecision handle(FindRefundEligibility query) {
        RefundEligibility row = rows.findById(new RefundEligibility.Key(query.partnerId(), query.packageId()))
                .orElseThrow(() -> new NotFound("package", query.packageId()));
        return RefundPolicy.decide(row.facts(), query.at());
    }

    @QueryHandler
    @Transactional(readOnly = true)
    RefundEligibilities handle(FindRefundEligibilities query) {
        PageRequest request = PageRequest.of(query.page(), query.size(), Sort.by("deadline", "packageId"));
        Page<RefundEligibility> rows = query.onlyRefundable()
                ? this.rows.findRefundableCandidates(Set.of(query.partnerId()), query.at(), request)
                : this.rows.findPurchasedBy(query.partnerId(), query.at(), request);
        List<RefundEligibilities.PackageDecision> decisions = rows.stream()
                .map(row -> new RefundEligibilities.PackageDecision(row.packageId(), RefundPolicy.decide(row.facts(), query.at())))
                .toList();
        return new RefundEligibilities(decisions, rows.getNumber(), rows.getSize(), rows.getTotalElements());
    }

    /** The report of packages still refundable, across partners, with the deadline of each. */
    @QueryHandler
    @Transactional(readOnly = true)
    RefundablePackages handle(FindRefundablePackages query) {
        ReportPage page = query.page();
        String property = REFUNDABLE_ORDER.get(page.sort());
        if (property == null) {
            throw new IllegalArgumentException("cannot sort by " + page.sort() + "; one of " + new TreeSet<>(REFUNDABLE_ORDER.keySet()));
        }
        Sort.Direction direction = page.descending() ? Sort.Direction.DESC : Sort.Direction.ASC;
        Page<RefundEligibility> candidates = query.partners().isEmpty() ? Page.empty() : rows.findRefundableNow(
                query.partners(), query.now(),
                PageRequest.of(page.page(), page.size(), Sort.by(direction, property).and(Sort.by("packageId"))));
        List<RefundablePackages.Refundable> refundable = candidates.stream()
                .map(row -> Map.entry(row, RefundPolicy.decide(row.facts(), query.now())))
                .filter(decided -> decided.getValue().eligible())
                .map(decided -> new RefundablePackages.Refundable(decided.getKey().partnerId(), decided.getKey().packageId(),
                        decided.getKey().facts().purchase().at(), decided.getValue().deadline(),
                        Duration.between(query.now(), decided.getValue().deadline())))
                .toList();
        return new RefundablePackages(refundable, page.page(), page.size(), candidates.getTotalElements());
    }

    private static final Map<String, String> REFUNDABLE_ORDER = Map.of(
            "partner", "partnerId", "package", "packageId", "purchasedAt", "purchase.at", "deadline", "deadline");

    private static Evidence evidence(EventMessage<?> message, Instant at, long sequence) {
        return new Evidence(message.getIdentifier(), message.getPayloadType().getSimpleName(), at,
                sequence);
    }
}
