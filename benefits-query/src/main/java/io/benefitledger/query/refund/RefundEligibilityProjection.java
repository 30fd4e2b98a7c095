package io.benefitledger.query.refund;

import io.benefitledger.NotFound;
import io.benefitledger.pkg.KeysRevealed;
import io.benefitledger.pkg.PackageCancelled;
import io.benefitledger.pkg.PackagePurchased;
import io.benefitledger.pkg.refund.Evidence;
import io.benefitledger.pkg.refund.RefundDecision;
import io.benefitledger.pkg.refund.RefundPolicy;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * Keeps, per package, the facts the refund rule looks at, and answers eligibility by applying
 * {@link RefundPolicy} to them: the same rule the {@code BenefitPackage} aggregate enforces on cancellation.
 */
@Component
@ProcessingGroup(RefundEligibilityProjection.NAME)
public class RefundEligibilityProjection {

    public static final String NAME = "refund-eligibility";

    private final RefundEligibilityRepository rows;

    RefundEligibilityProjection(RefundEligibilityRepository rows) {
        this.rows = rows;
    }

    @EventHandler
    void on(PackagePurchased event, EventMessage<?> message, TrackingToken token) {
        if (!rows.existsById(event.packageId().value())) {
            rows.save(new RefundEligibility(event.packageId().value(), event.partnerId().value(),
                    evidence(message, event.at(), token)));
        }
    }

    @EventHandler
    void on(KeysRevealed event, EventMessage<?> message, TrackingToken token) {
        Evidence reveal = evidence(message, event.at(), token);
        rows.findById(event.packageId().value())
                .filter(row -> !row.hasSeen(reveal.globalPosition()))
                .ifPresent(row -> row.softwareActivated(reveal));
    }

    @EventHandler
    void on(PackageCancelled event, EventMessage<?> message, TrackingToken token) {
        Evidence cancellation = evidence(message, event.at(), token);
        rows.findById(event.packageId().value())
                .filter(row -> !row.hasSeen(cancellation.globalPosition()))
                .ifPresent(row -> row.cancelled(cancellation));
    }

    @ResetHandler
    void reset() {
        rows.deleteAllInBatch();
    }

    @QueryHandler
    @Transactional(readOnly = true)
    RefundDecision handle(FindRefundEligibility query) {
        RefundEligibility row = rows.findById(query.packageId())
                .filter(found -> found.partnerId().equals(query.partnerId()))
                .orElseThrow(() -> new NotFound("package", query.packageId()));
        return RefundPolicy.decide(row.facts(), query.at());
    }

    @QueryHandler
    @Transactional(readOnly = true)
    RefundEligibilities handle(FindRefundEligibilities query) {
        PageRequest request = PageRequest.of(query.page(), query.size(), Sort.by("deadline", "packageId"));
        Page<RefundEligibility> rows = query.onlyRefundable()
                ? this.rows.findRefundableCandidates(query.partnerId(), query.at(), request)
                : this.rows.findByPartnerId(query.partnerId(), request);
        List<RefundEligibilities.PackageDecision> decisions = rows.stream()
                .filter(row -> !row.facts().purchase().at().isAfter(query.at()))
                .map(row -> new RefundEligibilities.PackageDecision(row.packageId(), RefundPolicy.decide(row.facts(), query.at())))
                .toList();
        return new RefundEligibilities(decisions, rows.getNumber(), rows.getSize(), rows.getTotalElements());
    }

    private static Evidence evidence(EventMessage<?> message, Instant at, TrackingToken token) {
        return new Evidence(message.getIdentifier(), message.getPayloadType().getSimpleName(), at,
                token.position().orElseThrow());
    }
}
