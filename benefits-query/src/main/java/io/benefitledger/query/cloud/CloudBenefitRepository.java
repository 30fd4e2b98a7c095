package io.benefitledger.query.cloud;

import io.benefitledger.query.BenefitStatus;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface CloudBenefitRepository extends JpaRepository<CloudBenefit, String> {

    Page<CloudBenefit> findByPartnerId(String partnerId, Pageable pageable);

    Page<CloudBenefit> findByPartnerIdAndStatus(String partnerId, BenefitStatus status, Pageable pageable);

    List<CloudBenefit> findByPackageIdAndKind(String packageId, CloudBenefit.Kind kind);
}
