package io.benefitledger.api.deadline;

import io.benefitledger.RunsWithTheCommand;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.pkg.MembershipRenewed;
import io.benefitledger.pkg.MembershipTerms;
import io.benefitledger.pkg.MembershipYear;
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
import java.util.Comparator;
import java.util.List;
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
    /** The advisory locks of purchases, apart from any other the ledger takes. */
    private static final int LOCK_SPACE = 0x5e11;
    /** The open years of a partner's offering whose renewal window has opened and whose grace has not ended. */
    static final String RENEWABLE = """
            select package_id, anniversary from membership_year
            where partner_id = ? and offering = ? and renewed_by is null and not closed
              and renewal_window_opens <= ? and grace_ends >= ?""";
    /** The years of a partner's offering, refunded and expired ones not counted, whose anniversary lies in a range. */
    static final String HELD_DURING = """
            select count(*) from membership_year
            where partner_id = ? and offering = ? and not closed and anniversary > ? and anniversary < ?""";
    /** Should a partner hold several renewable years, the earliest anniversary is renewed first. */
    private static final Comparator<Renewable> EARLIEST = Comparator.comparing(Renewable::anniversary)
            .thenComparing(renewable -> renewable.packageId().value());

    private final JdbcTemplate jdbc;

    MembershipYearTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Looked for without a turn first: most purchases renew nothing, and they need not wait for one another. Only
     * when a year is renewable does the purchase take its turn and look again, since a purchase before it in the turn
     * may have renewed that year in the meantime.
     */
    @Override
    public Optional<Renewable> renewable(PartnerId partner, String offering, Instant at) {
        if (renewableYears(partner, offering, at).isEmpty()) {
            return Optional.empty();
        }
        takeTurn(partner, offering);
        return renewableYears(partner, offering, at).stream().min(EARLIEST);
    }

    /**
     * Bounded by the window itself (index {@code membership_year_open_windows}): the open years whose window has
     * opened. No {@code order by … limit 1}, with which the prepared statement's generic plan walked every open year
     * in anniversary order; the few found are ordered here.
     */
    private List<Renewable> renewableYears(PartnerId partner, String offering, Instant at) {
        Timestamp instant = Timestamp.from(at);
        return jdbc.query(RENEWABLE,
                (row, index) -> new Renewable(new PackageId(row.getString(1)), row.getTimestamp(2).toInstant()),
                partner.value(), offering, instant, instant);
    }

    /**
     * Counted from the anniversaries: two years overlap when their anniversaries are less than a year apart. A closed
     * year is refunded, or expired, which ends it before any year a purchase now may begin. Asked only of an offering
     * with a limit, after the purchase's turn is taken: the last question a purchase asks before it records itself.
     */
    @Override
    public int heldDuring(PartnerId partner, String offering, MembershipYear year) {
        takeTurn(partner, offering);
        return jdbc.queryForObject(HELD_DURING, Integer.class, partner.value(), offering, Timestamp.from(year.start()),
                Timestamp.from(year.anniversary().plus(MembershipTerms.YEAR)));
    }

    /**
     * The partner's purchases of one offering that count its limit or renew a year take turns until their
     * transactions end (a PostgreSQL advisory lock, so across nodes too): a second one reads the years only once the
     * first has committed or rolled back. A unique key cannot say "at most N years that overlap", and the lock costs
     * nothing to other partners or offerings, nor to purchases of an offering without a limit that renew nothing.
     */
    private void takeTurn(PartnerId partner, String offering) {
        jdbc.query("select pg_advisory_xact_lock(?, hashtext(?))", row -> {
        }, LOCK_SPACE, partner.value() + "/" + offering);
    }

    @EventHandler
    void on(PackagePurchased event) {
        if (event.year() == null) {
            return;
        }
        jdbc.update("""
                        insert into membership_year (partner_id, package_id, offering, renewal_window_opens, anniversary, grace_ends)
                        values (?, ?, ?, ?, ?, ?)""",
                event.partnerId().value(), event.packageId().value(), event.offeringKey(),
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
