package io.benefitledger.query.benefit;

import io.benefitledger.benefit.BenefitKind;
import io.benefitledger.query.BenefitStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface BenefitRowRepository extends JpaRepository<BenefitRow, BenefitRow.Key> {

    Page<BenefitRow> findByPartnerIdAndTab(String partnerId, BenefitKind.Tab tab, Pageable pageable);

    Page<BenefitRow> findByPartnerIdAndTabAndStatus(String partnerId, BenefitKind.Tab tab, BenefitStatus status,
                                                    Pageable pageable);

    long countByPartnerIdAndTabAndStatus(String partnerId, BenefitKind.Tab tab, BenefitStatus status);
}
