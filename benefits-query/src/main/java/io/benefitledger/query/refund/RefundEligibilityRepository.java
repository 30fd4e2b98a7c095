package io.benefitledger.query.refund;

import org.springframework.data.jpa.repository.JpaRepository;

interface RefundEligibilityRepository extends JpaRepository<RefundEligibility, String> {
}
