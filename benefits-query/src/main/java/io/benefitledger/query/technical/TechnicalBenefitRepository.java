package io.benefitledger.query.technical;

import io.benefitledger.query.BenefitStatus;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;

interface TechnicalBenefitRepository extends JpaRepository<TechnicalBenefit, TechnicalBenefit.Key> {

    List<TechnicalBenefit> findBySubscriptionIdIn(Collection<String> subscriptionIds);

    Page<TechnicalBenefit> findByPartnerId(String partnerId, Pageable pageable);

    Page<TechnicalBenefit> findByPartnerIdAndStatus(String partnerId, BenefitStatus status, Pageable pageable);
}
