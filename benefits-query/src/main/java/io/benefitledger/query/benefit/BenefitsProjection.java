package io.benefitledger.query.benefit;

import io.benefitledger.benefit.SubscriptionId;
import io.benefitledger.pkg.KeysRevealed;
import io.benefitledger.pkg.PackageBenefitsExpired;
import io.benefitledger.pkg.PackageCancelled;
import io.benefitledger.pkg.PackagePurchased;
import io.benefitledger.pkg.ProductActivated;
import io.benefitledger.pkg.ProductExpired;
import io.benefitledger.query.BatchRows;
import io.benefitledger.query.BenefitStatus;
import io.benefitledger.query.Columns;
import io.benefitledger.query.ReadSide;
import io.benefitledger.seat.ActivationFulfilled;
import io.benefitledger.seat.AssignmentRemoved;
import io.benefitledger.seat.BenefitDrawn;
import io.benefitledger.seat.BenefitExpired;
import io.benefitledger.seat.SubscriptionOpened;
import io.benefitledger.seat.SubscriptionRevoked;
import io.benefitledger.seat.UserAssigned;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps the rows of the Software, Cloud, Visual Studio and Technical tabs, one per benefit whatever its kind, and the
 * utilisation counts of those rows: a package's licensed products from its purchase and key reveals, its
 * subscriptions from their own events.
 */
@Component
@ProcessingGroup(ReadSide.GROUP)
public class BenefitsProjection {

    private final JdbcTemplate jdbc;
    private final BatchRows<BenefitRow.Key, BenefitRow> batch;
    private final UtilisationCounts utilisation;

    BenefitsProjection(JdbcTemplate jdbc, UtilisationCounts utilisation) {
        this.jdbc = jdbc;
        this.batch = new BatchRows<>("benefit", BatchRows::localId, this::rowsOfAggregates, BenefitRow::key, this::write);
        this.utilisation = utilisation;
    }

    @EventHandler
    void on(PackagePurchased event, @SequenceNumber long sequence) {
        event.allocations().all().filter(allocated -> allocated.product() != null).forEach(allocated -> opened(
                BenefitRow.licensed(event.partnerId().value(), licensed(event.packageId().value(), allocated.allocationId()),
                        event.packageId().value(), event.packageType(), allocated.kind(), allocated.product(),
                        event.at(), sequence)));
    }

    @EventHandler
    void on(KeysRevealed event, @SequenceNumber long sequence) {
        update(event.partnerId().value(), licensed(event.packageId().value(), event.productId().value()), sequence,
                row -> row.keysRevealed(event.keys().size(), event.revealedBy().value(), event.at(), sequence));
    }

    @EventHandler
    void on(ProductActivated event, @SequenceNumber long sequence) {
        update(event.partnerId().value(), licensed(event.packageId().value(), event.productId().value()), sequence,
                row -> row.validUntil(event.expiresAt(), sequence));
    }

    @EventHandler
    void on(ProductExpired event, @SequenceNumber long sequence) {
        update(event.partnerId().value(), licensed(event.packageId().value(), event.productId().value()), sequence,
                row -> row.expired(sequence));
    }

    @EventHandler
    void on(PackageCancelled event, @SequenceNumber long sequence) {
        batch.matching(row -> row.isHeldBy(event.partnerId().value(), event.packageId().value()) && !row.hasSeen(sequence))
                .forEach(row -> change(row, changed -> changed.freed(BenefitStatus.REVOKED, sequence)));
    }

    @EventHandler
    void on(PackageBenefitsExpired event, @SequenceNumber long sequence) {
        batch.matching(row -> row.isHeldBy(event.partnerId().value(), event.packageId().value()) && !row.hasSeen(sequence))
                .forEach(row -> change(row, changed -> changed.expired(sequence)));
    }

    @EventHandler
    void on(SubscriptionOpened event, @SequenceNumber long sequence) {
        opened(BenefitRow.subscription(event.partnerId().value(), event.subscriptionId().value(),
                event.packageId().value(), event.kind(), event.benefitName(), event.kind().unit(event.unit()),
                event.quantity(), event.at(), sequence));
    }

    @EventHandler
    void on(UserAssigned event, @SequenceNumber long sequence) {
        update(event.partnerId().value(), event.subscriptionId().value(), sequence, row -> row.assigned(
                event.assignee().value(), event.alternativeEmail() == null ? null : event.alternativeEmail().value(),
                event.status(), event.at(), sequence));
    }

    @EventHandler
    void on(ActivationFulfilled event, @SequenceNumber long sequence) {
        update(event.partnerId().value(), event.subscriptionId().value(), sequence, row -> row.fulfilled(event.at(), sequence));
    }

    @EventHandler
    void on(BenefitDrawn event, @SequenceNumber long sequence) {
        update(event.partnerId().value(), event.subscriptionId().value(), sequence, row -> row.drawn(event.remaining(), sequence));
    }

    @EventHandler
    void on(AssignmentRemoved event, @SequenceNumber long sequence) {
        update(event.partnerId().value(), event.subscriptionId().value(), sequence, row -> row.freed(BenefitStatus.AVAILABLE, sequence));
    }

    @EventHandler
    void on(SubscriptionRevoked event, @SequenceNumber long sequence) {
        update(event.partnerId().value(), event.subscriptionId().value(), sequence, row -> row.freed(BenefitStatus.REVOKED, sequence));
    }

    @EventHandler
    void on(BenefitExpired event, @SequenceNumber long sequence) {
        update(event.partnerId().value(), event.subscriptionId().value(), sequence, row -> row.expired(sequence));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from benefit");
        utilisation.clear();
    }

    /**
     * A package's licensed products, and a subscription's own row (a subscription's row comes twice when its package
     * is in the batch too: BatchRows keeps one per key). A join on the ids, not {@code = any (?)}:
     * {@link Columns#texts}.
     */
    private List<BenefitRow> rowsOfAggregates(Collection<String> aggregates) {
        return jdbc.query("""
                select benefit.* from unnest(?) as aggregate (id) join benefit on benefit.package_id = aggregate.id
                union all
                select benefit.* from unnest(?) as aggregate (id) join benefit on benefit.benefit_id = aggregate.id""",
                statement -> {
                    Array ids = Columns.texts(statement.getConnection(), aggregates);
                    statement.setArray(1, ids);
                    statement.setArray(2, ids);
                }, BenefitRow::read);
    }

    private void write(List<BenefitRow> rows) {
        jdbc.batchUpdate(BenefitRow.UPSERT, rows, rows.size(), (statement, row) -> row.bind(statement));
    }

    /** A licensed product's row is named like a subscription: one id grammar for every benefit of a package. */
    private static String licensed(String packageId, String productId) {
        return SubscriptionId.of(packageId, productId).value();
    }

    private void opened(BenefitRow row) {
        if (batch.add(row)) {
            utilisation.changed(null, row.allocation());
        }
    }

    /** A redelivered event changes nothing. */
    private void update(String partnerId, String benefitId, long sequence, Consumer<BenefitRow> change) {
        batch.find(new BenefitRow.Key(partnerId, benefitId)).filter(row -> !row.hasSeen(sequence))
                .ifPresent(row -> change(row, change));
    }

    private void change(BenefitRow row, Consumer<BenefitRow> change) {
        Allocation before = row.allocation();
        change.accept(row);
        batch.changed(row);
        utilisation.changed(before, row.allocation());
    }
}
