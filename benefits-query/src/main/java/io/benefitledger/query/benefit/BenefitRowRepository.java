package io.benefitledger.query.benefit;

import io.benefitledger.benefit.BenefitKind;
import io.benefitledger.query.BenefitStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;

interface BenefitRowRepository extends JpaRepository<BenefitRow, BenefitRow.Key> {

    Page<BenefitRow> findByPartnerIdAndTab(String partnerId, BenefitKind.Tab tab, Pageable pageable);

    Page<BenefitRow> findByPartnerIdAndTabAndStatus(String partnerId, BenefitKind.Tab tab, BenefitStatus status,
                                                    Pageable pageable);

    long countByPartnerIdAndTabAndStatus(String partnerId, BenefitKind.Tab tab, BenefitStatus status);

    /** A package's licensed products, and a subscription's own row. */
    @Query("select r from BenefitRow r where r.packageId in :aggregates or r.benefitId in :aggregates")
    List<BenefitRow> findOfAggregates(Collection<String> aggregates);
}
