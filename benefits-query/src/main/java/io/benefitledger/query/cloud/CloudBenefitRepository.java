package io.benefitledger.query.cloud;

import io.benefitledger.query.BenefitStatus;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;

interface CloudBenefitRepository extends JpaRepository<CloudBenefit, CloudBenefit.Key> {

    Page<CloudBenefit> findByPartnerId(String partnerId, Pageable pageable);

    Page<CloudBenefit> findByPartnerIdAndStatus(String partnerId, BenefitStatus status, Pageable pageable);

    /** A package's license-based rows, and a usage-based subscription's own row. */
    @Query("select r from CloudBenefit r where r.packageId in :aggregates or r.benefitId in :aggregates")
    List<CloudBenefit> findOfAggregates(Collection<String> aggregates);
}
