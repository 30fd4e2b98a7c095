package io.benefitledger.api.deadline;

import io.benefitledger.RunsWithTheCommand;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.pkg.MembershipRenewed;
import io.benefitledger.pkg.PackagePurchased;
import io.benefitledger.pkg.MembershipYears;
import io.benefitledger.pkg.PackageBenefitsExpired;
import io.benefitledger.pkg.PackageCancelled;
import io.benefitledger.pkg.PackageId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The membership years a purchase may renew, in table {@code membership_year}: kept in the transaction that records
 * each year, renewal, refund and expiry, so a purchase decides from them as they stand, never from a read model.
 */
@Component
@RunsWithTheCommand
@ProcessingGroup(MembershipYearTables.GROUP)
class MembershipYearTables implements MembershipYears {

    static final String GROUP = "membership-years";

    private final JdbcTemplate jdbc;

    MembershipYearTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Renewable> renewable(PartnerId partner, String offering, Instant at) {
        Timestamp instant = Timestamp.from(at);
        return jdbc.query("""
                        select package_id, anniversary from membership_year
                        where partner_id = ? and offering = ? and renewed_by is null and not closed
                          and renewal_window_opens <= ? and grace_ends >= ?
                        order by anniversary, package_id limit 1""",
                (row, index) -> new Renewable(new PackageId(row.getString(1)), row.getTimestamp(2).toInstant()),
                partner.value(), offering, instant, instant).stream().findFirst();
    }

    @EventHandler
    void on(PackagePurchased event) {
        if (event.year() == null) {
            return;
        }
        jdbc.update("""
                        insert into membership_year (partner_id, package_id, offering, renewal_window_opens, anniversary, grace_ends)
                        values (?, ?, ?, ?, ?, ?)""",
                event.partnerId().value(), event.packageId().value(), event.packageType(),
                Timestamp.from(event.year().renewalWindowOpens()), Timestamp.from(event.year().anniversary()),
                Timestamp.from(event.year().graceEnds()));
    }

    @EventHandler
    void on(MembershipRenewed event) {
        jdbc.update("update membership_year set renewed_by = ? where partner_id = ? and package_id = ?",
                event.renewedBy().value(), event.partnerId().value(), event.packageId().value());
    }

    @EventHandler
    void on(PackageCancelled event) {
        close(event.partnerId(), event.packageId());
    }

    @EventHandler
    void on(PackageBenefitsExpired event) {
        close(event.partnerId(), event.packageId());
    }

    private void close(PartnerId partner, PackageId packageId) {
        jdbc.update("update membership_year set closed = true where partner_id = ? and package_id = ?",
                partner.value(), packageId.value());
    }
}
