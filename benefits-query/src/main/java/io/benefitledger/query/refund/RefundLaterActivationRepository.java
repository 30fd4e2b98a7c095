package io.benefitledger.query.refund;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;

interface RefundLaterActivationRepository extends JpaRepository<RefundLaterActivation, RefundLaterActivation.Key> {

    List<RefundLaterActivation> findByPartnerIdAndPackageIdInOrderBySequenceNumber(String partnerId,
                                                                                   Collection<String> packageIds);
}
