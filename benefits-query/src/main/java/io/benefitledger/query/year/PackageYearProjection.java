package io.benefitledger.query.year;

import io.benefitledger.pkg.GracePeriodOver;
import io.benefitledger.pkg.MembershipRenewed;
import io.benefitledger.pkg.PackagePurchased;
import io.benefitledger.pkg.MembershipYearEnded;
import io.benefitledger.pkg.PackageBenefitsExpired;
import io.benefitledger.pkg.PackageCancelled;
import io.benefitledger.pkg.RenewalWindowOpened;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.pkg.PackageId;
import io.benefitledger.query.BatchRows;
import io.benefitledger.query.Columns;
import io.benefitledger.query.ReadSide;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/** Keeps each package's membership year: its dates, and its renewal window, grace and expiry as they are recorded. */
@Component
@ProcessingGroup(ReadSide.GROUP)
class PackageYearProjection {

    private final JdbcTemplate jdbc;
    private final BatchRows<PackageYear.Key, PackageYear> years;

    PackageYearProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.years = new BatchRows<>("package_year", DomainEventMessage::getAggregateIdentifier, this::yearsOfPackages,
                PackageYear::key, this::write);
    }

    @EventHandler
    void on(PackagePurchased event, @SequenceNumber long sequence) {
        if (event.year() == null) {
            return;
        }
        years.add(new PackageYear(event.partnerId().value(), event.packageId().value(), event.offeringKey(),
                event.year().start(), event.year().renewalWindowOpens(), event.year().anniversary(),
                event.year().graceEnds(), event.renewalOf() == null ? null : event.renewalOf().value(), sequence));
    }

    @EventHandler
    void on(RenewalWindowOpened event, @SequenceNumber long sequence) {
        update(event.partnerId(), event.packageId(), sequence, year -> year.passed(PackageYear.Status.RENEWAL_OPEN, sequence));
    }

    @EventHandler
    void on(MembershipYearEnded event, @SequenceNumber long sequence) {
        update(event.partnerId(), event.packageId(), sequence, year -> year.passed(PackageYear.Status.IN_GRACE, sequence));
    }

    @EventHandler
    void on(MembershipRenewed event, @SequenceNumber long sequence) {
        update(event.partnerId(), event.packageId(), sequence, year -> year.renewed(event.renewedBy().value(), sequence));
    }

    @EventHandler
    void on(GracePeriodOver event, @SequenceNumber long sequence) {
        // the expiry that follows an unrenewed year is its own event
        update(event.partnerId(), event.packageId(), sequence, year -> year.passed(PackageYear.Status.IN_GRACE, sequence));
    }

    @EventHandler
    void on(PackageBenefitsExpired event, @SequenceNumber long sequence) {
        update(event.partnerId(), event.packageId(), sequence, year -> year.moved(PackageYear.Status.EXPIRED, sequence));
    }

    @EventHandler
    void on(PackageCancelled event, @SequenceNumber long sequence) {
        update(event.partnerId(), event.packageId(), sequence, year -> year.moved(PackageYear.Status.REVOKED, sequence));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from package_year");
    }

    private void update(PartnerId partner, PackageId packageId, long sequence, Consumer<PackageYear> change) {
        years.find(new PackageYear.Key(partner.value(), packageId.value())).filter(year -> !year.hasSeen(sequence))
                .ifPresent(year -> {
                    change.accept(year);
                    years.changed(year);
                });
    }

    /**
     * By their primary key, from the event store's names of the packages ("contoso/action-pack-2026"); a join on the
     * ids, not {@code = any (?)}: {@link Columns#texts}.
     */
    private List<PackageYear> yearsOfPackages(Collection<String> packages) {
        return jdbc.query("""
                        select year.* from unnest(?) as aggregate (id)
                        join package_year year on year.partner_id = split_part(aggregate.id, '/', 1)
                                              and year.package_id = split_part(aggregate.id, '/', 2)""",
                statement -> statement.setArray(1, Columns.texts(statement.getConnection(), packages)), PackageYear::read);
    }

    private void write(List<PackageYear> changed) {
        jdbc.batchUpdate(PackageYear.UPSERT, changed, changed.size(), (statement, year) -> year.bind(statement));
    }
}
