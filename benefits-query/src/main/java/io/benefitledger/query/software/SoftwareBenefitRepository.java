package io.benefitledger.query.software;

import io.benefitledger.query.BenefitStatus;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;

interface SoftwareBenefitRepository extends JpaRepository<SoftwareBenefit, SoftwareBenefit.Key> {

    Page<SoftwareBenefit> findByPartnerId(String partnerId, Pageable pageable);

    Page<SoftwareBenefit> findByPartnerIdAndStatus(String partnerId, BenefitStatus status, Pageable pageable);

    List<SoftwareBenefit> findByPackageIdIn(Collection<String> packageIds);

    @Modifying
    @Query("delete from SoftwareBenefit")
    void deleteAllRows();
}
