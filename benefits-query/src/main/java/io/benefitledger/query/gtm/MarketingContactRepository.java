package io.benefitledger.query.gtm;

import org.springframework.data.jpa.repository.JpaRepository;

interface MarketingContactRepository extends JpaRepository<MarketingContact, String> {
}
