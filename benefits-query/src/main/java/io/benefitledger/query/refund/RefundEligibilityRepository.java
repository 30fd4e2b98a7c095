package io.benefitledger.query.refund;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.Collection;

interface RefundEligibilityRepository extends JpaRepository<RefundEligibility, RefundEligibility.Key> {

    /** A partner's packages as they stood at an instant: those purchased by then, so the total counts only them. */
    @Query("select r from RefundEligibility r where r.partnerId = :partnerId and r.purchase.at <= :at")
    Page<RefundEligibility> findPurchasedBy(String partnerId, Instant at, Pageable pageable);

    /** Pre-selects in SQL what RefundPolicy then decides row by row: the rule itself stays in one place. */
    @Query("""
            select r from RefundEligibility r
            where r.partnerId in :partnerIds and r.purchase.at <= :at and r.deadline >= :at
              and (r.firstActivation.at is null or r.firstActivation.at > :at)
              and (r.cancellation.at is null or r.cancellation.at > :at)""")
    Page<RefundEligibility> findRefundableCandidates(Collection<String> partnerIds, Instant at, Pageable pageable);

    /**
     * The same pre-selection for the present, answered from the partial index: nothing recorded so far is later
     * than now, so a package with an activation or a cancellation on record is not refundable now.
     */
    @Query("""
            select r from RefundEligibility r
            where r.partnerId in :partnerIds and not r.softwareActivated and not r.cancelled
              and r.purchase.at <= :now and r.deadline >= :now""")
    Page<RefundEligibility> findRefundableNow(Collection<String> partnerIds, Instant now, Pageable pageable);
}
