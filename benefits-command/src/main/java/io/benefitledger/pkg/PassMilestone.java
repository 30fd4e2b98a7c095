package io.benefitledger.pkg;

import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** The schedule delivers a milestone of the package's membership year; the package knows its instant. */
public record PassMilestone(PackageId packageId, PartnerId partnerId, MembershipYear.Milestone milestone) {

    public PassMilestone {
        Objects.requireNonNull(packageId, "package id is required");
        Objects.requireNonNull(partnerId, "partner id is required");
        Objects.requireNonNull(milestone, "the milestone is required");
    }

    @TargetAggregateIdentifier
    public AggregateId target() {
        return AggregateId.of(partnerId, packageId);
    }
}
