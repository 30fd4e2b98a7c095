package io.benefitledger.query.year;

import org.springframework.data.jpa.repository.JpaRepository;

interface PackageYearRepository extends JpaRepository<PackageYear, PackageYear.Key> {
}
