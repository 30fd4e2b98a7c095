package io.benefitledger.query.refund;

import io.benefitledger.NotFound;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.pkg.KeysRevealed;
import io.benefitledger.pkg.PackageCancelled;
import io.benefitledger.pkg.PackageId;
import io.benefitledger.pkg.PackagePurchased;
import io.benefitledger.pkg.refund.Evidence;
import io.benefitledger.pkg.refund.RefundDecision;
import io.benefitledger.pkg.refund.RefundFacts;
import io.benefitledger.pkg.refund.RefundRules;
import io.benefitledger.query.BatchRows;
import io.benefitledger.query.Columns;
import io.benefitledger.query.ReadSide;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.benefitledger.query.reports.ReportPage;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Keeps, per package, the facts the refund rule looks at, and answers eligibility by applying the version of the
 * rule in force at the instant asked about ({@link RefundRules}): the rule the {@code BenefitPackage} aggregate
 * enforced on a cancellation at that instant.
 */
@Component
@ProcessingGroup(ReadSide.GROUP)
public class RefundEligibilityProjection {

    private final JdbcTemplate jdbc;
    private final RefundEligibilityRepository rows;
    private final RefundLaterActivationRepository laterActivations;
    private final BatchRows<RefundEligibility.Key, RefundEligibility> batch;
    private final RefundRules rules;

    RefundEligibilityProjection(JdbcTemplate jdbc, RefundEligibilityRepository rows,
                                RefundLaterActivationRepository laterActivations, RefundRules rules) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.laterActivations = laterActivations;
        this.rules = rules;
        this.batch = new BatchRows<>("refund_eligibility", BatchRows::localId, this::rowsOfPackages,
                RefundEligibility::key, this::write);
    }

    @EventHandler
    void on(PackagePurchased event, EventMessage<?> message, @SequenceNumber long sequence) {
        batch.add(new RefundEligibility(event.partnerId().value(), event.packageId().value(),
                RefundFacts.fold(null, event, message.getIdentifier(), sequence, rules)));
    }

    @EventHandler
    void on(KeysRevealed event, EventMessage<?> message, @SequenceNumber long sequence) {
        fold(event.partnerId(), event.packageId(), event, message, sequence);
    }

    @EventHandler
    void on(PackageCancelled event, EventMessage<?> message, @SequenceNumber long sequence) {
        fold(event.partnerId(), event.packageId(), event, message, sequence);
    }

    /**
     * Stores what {@link RefundFacts#fold} yields for the package's row. The reveals kept beside the first are rows of
     * their own that the fold only ever appends to, so the row's facts are folded without them, and whatever the
     * fold then keeps beside the first is this event's reveal, new.
     */
    private void fold(PartnerId partner, PackageId packageId, Object event, EventMessage<?> message, long sequence) {
        batch.find(new RefundEligibility.Key(partner.value(), packageId.value()))
                .filter(row -> !row.hasSeen(sequence))
                .ifPresent(row -> {
                    row.record(RefundFacts.fold(row.facts(List.of()), event, message.getIdentifier(), sequence, rules),
                            sequence);
                    batch.changed(row);
                });
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from refund_later_activation");
        jdbc.update("delete from refund_eligibility");
    }

    private List<RefundEligibility> rowsOfPackages(Collection<String> packages) {
        // a join on the ids, not = any (?): Columns.texts
        return jdbc.query("""
                        select facts.* from unnest(?) as aggregate (id)
                        join refund_eligibility facts on facts.package_id = aggregate.id""",
                statement -> statement.setArray(1, Columns.texts(statement.getConnection(), packages)),
                RefundEligibility::read);
    }

    /** The packages' rows first: the reveals kept beside a first reference them (a package bought in this batch). */
    private void write(List<RefundEligibility> changed) {
        jdbc.batchUpdate(RefundEligibility.UPSERT, changed, changed.size(), (statement, row) -> row.bind(statement));
        List<RefundLaterActivation> reveals = changed.stream()
                .flatMap(row -> row.newLaterActivations().stream()).toList();
        if (!reveals.isEmpty()) {
            jdbc.batchUpdate(RefundLaterActivation.INSERT, reveals, reveals.size(),
                    (statement, reveal) -> reveal.bind(statement));
        }
    }

    @QueryHandler
    @Transactional(readOnly = true)
    RefundDecision handle(FindRefundEligibility query) {
        RefundEligibility row = rows.findById(new RefundEligibility.Key(query.partnerId(), query.packageId()))
                .orElseThrow(() -> new NotFound("package", query.packageId()));
        return rules.decide(row.facts(laterActivations(query.partnerId(), List.of(row)).getOrDefault(row.packageId(), List.of())),
                query.at());
    }

    @QueryHandler
    @Transactional(readOnly = true)
    RefundEligibilities handle(FindRefundEligibilities query) {
        PageRequest request = PageRequest.of(query.page(), query.size(), Sort.by("deadline", "packageId"));
        Page<RefundEligibility> rows = query.onlyRefundable()
                ? this.rows.findRefundableCandidates(Set.of(query.partnerId()), query.at(), request)
                : this.rows.findPurchasedBy(query.partnerId(), query.at(), request);
        Map<String, List<Evidence>> later = laterActivations(query.partnerId(), rows.getContent());
        List<RefundEligibilities.PackageDecision> decisions = rows.stream()
                .map(row -> new RefundEligibilities.PackageDecision(row.packageId(),
                        rules.decide(row.facts(later.getOrDefault(row.packageId(), List.of())), query.at())))
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
                // Candidates have no reveal on record, so no reveal is kept beside a first either.
                .map(row -> Map.entry(row, rules.decide(row.facts(List.of()), query.now())))
                .filter(decided -> decided.getValue().eligible())
                .map(decided -> new RefundablePackages.Refundable(decided.getKey().partnerId(), decided.getKey().packageId(),
                        decided.getKey().facts(List.of()).purchase().at(), decided.getValue().deadline(),
                        Duration.between(query.now(), decided.getValue().deadline())))
                .toList();
        return new RefundablePackages(refundable, page.page(), page.size(), candidates.getTotalElements());
    }

    private static final Map<String, String> REFUNDABLE_ORDER = Map.of(
            "partner", "partnerId", "package", "packageId", "purchasedAt", "purchase.at", "deadline", "deadline");

    /** The reveals kept beside the first for each of a partner's packages, in order. */
    private Map<String, List<Evidence>> laterActivations(String partnerId, List<RefundEligibility> packages) {
        return laterActivations.findByPartnerIdAndPackageIdInOrderBySequenceNumber(partnerId,
                        packages.stream().map(RefundEligibility::packageId).toList()).stream()
                .collect(Collectors.groupingBy(RefundLaterActivation::packageId,
                        Collectors.mapping(RefundLaterActivation::evidence, Collectors.toList())));
    }
}
