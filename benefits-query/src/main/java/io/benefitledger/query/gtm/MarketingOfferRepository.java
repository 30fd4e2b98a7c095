package io.benefitledger.query.gtm;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface MarketingOfferRepository extends JpaRepository<MarketingOffer, MarketingOffer.Key> {

    List<MarketingOffer> findByPartnerIdOrderByGrantedAtAscOfferIdAsc(String partnerId);
}
