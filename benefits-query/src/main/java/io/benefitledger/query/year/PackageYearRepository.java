package io.benefitledger.query.year;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;

interface PackageYearRepository extends JpaRepository<PackageYear, PackageYear.Key> {

    List<PackageYear> findByPartnerIdAndPackageIdIn(String partnerId, Collection<String> packageIds);
}
