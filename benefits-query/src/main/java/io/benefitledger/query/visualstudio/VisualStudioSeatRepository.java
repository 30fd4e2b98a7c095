package io.benefitledger.query.visualstudio;

import io.benefitledger.query.BenefitStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;

interface VisualStudioSeatRepository extends JpaRepository<VisualStudioSeat, VisualStudioSeat.Key> {

    List<VisualStudioSeat> findBySubscriptionIdIn(Collection<String> subscriptionIds);

    Page<VisualStudioSeat> findByPartnerId(String partnerId, Pageable pageable);

    Page<VisualStudioSeat> findByPartnerIdAndStatus(String partnerId, BenefitStatus status, Pageable pageable);

    long countByPartnerIdAndStatus(String partnerId, BenefitStatus status);
}
