package io.benefitledger.query.visualstudio;

import io.benefitledger.query.BenefitStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface VisualStudioSeatRepository extends JpaRepository<VisualStudioSeat, String> {

    Page<VisualStudioSeat> findByPartnerId(String partnerId, Pageable pageable);

    Page<VisualStudioSeat> findByPartnerIdAndStatus(String partnerId, BenefitStatus status, Pageable pageable);

    long countByPartnerIdAndStatus(String partnerId, BenefitStatus status);
}
