package io.benefitledger.seat;

import io.benefitledger.benefit.AssignmentRefused;
import io.benefitledger.benefit.BenefitKind;
import io.benefitledger.benefit.DrawRefused;
import io.benefitledger.benefit.SubscriptionId;
import io.benefitledger.benefit.SubscriptionStatus;
import io.benefitledger.benefit.Unit;
import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.DirectoryUser;
import io.benefitledger.partner.NotPermitted;
import io.benefitledger.partner.PartnerDirectory;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.Role;
import io.benefitledger.partner.UserId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One assignable benefit of a package: a Visual Studio seat, a usage-based Azure subscription or a technical
 * benefit. Only a Global admin assigns it, to a user of the partner's directory, as its kind's activation allows
 * ({@link BenefitKind}); a benefit counted in incidents or hours is drawn on, never beyond what is left.
 */
@Aggregate(snapshotTriggerDefinition = "ledgerSnapshotTrigger", commandTargetResolver = "ifMatchTargetResolver",
        cache = "aggregateCache")
public class Subscription {

    @AggregateIdentifier
    private AggregateId id;
    private SubscriptionId subscriptionId;
    private PartnerId partnerId;
    private BenefitKind kind;
    private Unit unit;
    private int remaining;
    private SubscriptionStatus status;
    private UserId assignee;
    private Instant revokedAt;
    private Instant expiredAt;
    private Instant lastChange;

    protected Subscription() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    public Subscription(OpenSubscription command) {
        apply(new SubscriptionOpened(command.subscriptionId(), command.packageId(), command.partnerId(), command.kind(),
                command.benefitName(), command.quantity(), command.unit(), command.at()));
    }

    @CommandHandler
    void handle(AssignUser command, PartnerDirectory directory) {
        open();
        globalAdmin(directory, command.assignedBy(), "assign benefits");
        if (assignee != null) {
            throw AssignmentRefused.taken(subscriptionId, assignee);
        }
        if (directory.user(partnerId, command.assignee()).isEmpty()) {
            throw AssignmentRefused.notInDirectory(command.assignee());
        }
        SubscriptionStatus assigned = kind.activation().assign(command.assignee(), command.assignedBy(),
                command.alternativeEmail(), () -> directory.companyAccountEmail(partnerId));
        apply(new UserAssigned(subscriptionId, partnerId, command.assignee(), command.alternativeEmail(), assigned,
                command.assignedBy(), inOrder(command.at())));
    }

    @CommandHandler
    void handle(RemoveAssignment command, PartnerDirectory directory) {
        open();
        globalAdmin(directory, command.removedBy(), "remove assigned users");
        if (assignee == null) {
            throw AssignmentRefused.notAssigned(subscriptionId);
        }
        apply(new AssignmentRemoved(subscriptionId, partnerId, assignee, command.removedBy(), inOrder(command.at())));
    }

    @CommandHandler
    void handle(ConfirmFulfilment command) {
        open();
        if (status != SubscriptionStatus.PENDING) {
            throw new NotPending(subscriptionId, status);
        }
        apply(new ActivationFulfilled(subscriptionId, partnerId, command.fulfilmentReference(), inOrder(command.at())));
    }

    @CommandHandler
    void handle(DrawBenefit command, PartnerDirectory directory) {
        open();
        unit.checkDrawable(subscriptionId);
        DirectoryUser requester = directory.user(partnerId, command.requestedBy())
                .orElseThrow(() -> new NotPermitted(command.requestedBy(), "draw on the partner's benefits"));
        if (!requester.userId().equals(assignee) && !requester.hasAnyRole(Role.GLOBAL_ADMIN)) {
            throw DrawRefused.notTheAssignee(command.requestedBy());
        }
        if (status != SubscriptionStatus.ACTIVE) {
            throw DrawRefused.notActive(subscriptionId, status);
        }
        unit.checkDraw(command.amount(), command.phase());
        if (command.amount() > remaining) {
            throw DrawRefused.balanceExceeded(subscriptionId, command.amount(), remaining);
        }
        apply(new BenefitDrawn(subscriptionId, partnerId, command.phase(), command.description(), command.amount(),
                remaining - command.amount(), command.requestedBy(), inOrder(command.at())));
    }

    @CommandHandler
    void handle(RevokeSubscription command) {
        if (status == SubscriptionStatus.REVOKED) {
            return; // revocation is retried by automation: once is enough
        }
        apply(new SubscriptionRevoked(subscriptionId, partnerId, assignee, command.reason(), inOrder(command.at())));
    }

    @CommandHandler
    void handle(ExpireSubscription command) {
        if (status == SubscriptionStatus.REVOKED || status == SubscriptionStatus.EXPIRED) {
            return; // a revoked benefit stays revoked; an expiry delivered again is recorded once
        }
        apply(new BenefitExpired(subscriptionId, partnerId, assignee, command.at()));
    }

    @EventSourcingHandler
    void on(SubscriptionOpened event) {
        id = AggregateId.of(event.partnerId(), event.subscriptionId());
        subscriptionId = event.subscriptionId();
        partnerId = event.partnerId();
        kind = event.kind();
        unit = kind.unit(event.unit());
        remaining = event.quantity();
        status = SubscriptionStatus.AVAILABLE;
        lastChange = event.at();
    }

    @EventSourcingHandler
    void on(UserAssigned event) {
        assignee = event.assignee();
        status = event.status();
        lastChange = event.at();
    }

    @EventSourcingHandler
    void on(AssignmentRemoved event) {
        assignee = null;
        status = SubscriptionStatus.AVAILABLE;
        lastChange = event.at();
    }

    @EventSourcingHandler
    void on(ActivationFulfilled event) {
        status = SubscriptionStatus.ACTIVE;
        lastChange = event.at();
    }

    @EventSourcingHandler
    void on(BenefitDrawn event) {
        remaining = event.remaining();
        lastChange = event.at();
    }

    @EventSourcingHandler
    void on(SubscriptionRevoked event) {
        assignee = null;
        status = SubscriptionStatus.REVOKED;
        revokedAt = event.at();
        lastChange = event.at();
    }

    @EventSourcingHandler
    void on(BenefitExpired event) {
        assignee = null;
        status = SubscriptionStatus.EXPIRED;
        expiredAt = event.at();
        if (event.at().isAfter(lastChange)) {
            lastChange = event.at();
        }
    }

    private void open() {
        if (status == SubscriptionStatus.REVOKED) {
            throw new SubscriptionClosed(subscriptionId, revokedAt);
        }
        if (status == SubscriptionStatus.EXPIRED) {
            throw new SubscriptionExpired(subscriptionId, expiredAt);
        }
    }

    private void globalAdmin(PartnerDirectory directory, UserId actor, String what) {
        if (directory.user(partnerId, actor).filter(user -> user.hasAnyRole(Role.GLOBAL_ADMIN)).isEmpty()) {
            throw new NotPermitted(actor, what + ": only a Global admin may");
        }
    }

    private Instant inOrder(Instant at) {
        return at.isBefore(lastChange) ? lastChange : at;
    }
}
