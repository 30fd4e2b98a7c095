package io.benefitledger.partner;

import io.benefitledger.NotFound;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A partner company and its user directory: who may act for it, with which roles. Its events are the history of
 * who was in the directory when; the service keeps a lookup of them that other aggregates decide with.
 */
@Aggregate(snapshotTriggerDefinition = "ledgerSnapshotTrigger", commandTargetResolver = "ifMatchTargetResolver",
        cache = "aggregateCache")
public class Partner {

    @AggregateIdentifier
    private PartnerId partnerId;
    private Map<UserId, Set<Role>> users;
    private Instant lastChange;

    protected Partner() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    public Partner(RegisterPartner command) {
        apply(new PartnerRegistered(command.partnerId(), command.companyName(), command.companyAccountEmail(),
                command.qualifications(), command.at()));
        apply(new UserAdded(command.partnerId(), command.firstAdmin(), command.firstAdminName(),
                command.firstAdminEmail(), Set.of(Role.GLOBAL_ADMIN), command.firstAdmin(), command.at()));
    }

    @CommandHandler
    void handle(AddUser command) {
        mayManageDirectory(command.addedBy());
        if (users.containsKey(command.user())) {
            throw new UserAlreadyInDirectory(command.user());
        }
        if (command.roles().contains(Role.GLOBAL_ADMIN)) {
            mayGrantOrRemoveGlobalAdmin(command.addedBy());
        }
        apply(new UserAdded(partnerId, command.user(), command.displayName(), command.email(), command.roles(),
                command.addedBy(), inOrder(command.at())));
    }

    @CommandHandler
    void handle(ChangeUserRoles command) {
        mayManageDirectory(command.changedBy());
        if (command.user().equals(command.changedBy())) {
            throw new OwnRoles(command.user());
        }
        inDirectory(command.user());
        if (users.get(command.user()).contains(Role.GLOBAL_ADMIN) != command.roles().contains(Role.GLOBAL_ADMIN)) {
            // so a Global admin other than the user decides, and the partner keeps at least that one
            mayGrantOrRemoveGlobalAdmin(command.changedBy());
        }
        apply(new UserRolesChanged(partnerId, command.user(), command.roles(), command.changedBy(), inOrder(command.at())));
    }

    @CommandHandler
    void handle(RemoveUser command) {
        mayManageDirectory(command.removedBy());
        inDirectory(command.user());
        if (users.get(command.user()).contains(Role.GLOBAL_ADMIN)) {
            mayGrantOrRemoveGlobalAdmin(command.removedBy());
        }
        keepsAGlobalAdminWithout(command.user());
        apply(new UserRemoved(partnerId, command.user(), command.removedBy(), inOrder(command.at())));
    }

    @CommandHandler
    void handle(ChangeCompanyAccountEmail command) {
        mayAct(command.changedBy(), "change the company account e-mail", Role.GLOBAL_ADMIN);
        apply(new CompanyAccountEmailChanged(partnerId, command.email(), command.changedBy(), inOrder(command.at())));
    }

    /** No directory check: the acting user is the program's operator, whom the service has authenticated. */
    @CommandHandler
    void handle(ChangeQualifications command) {
        apply(new QualificationsChanged(partnerId, command.qualifications(), command.changedBy(), command.reason(),
                inOrder(command.at())));
    }

    @EventSourcingHandler
    void on(PartnerRegistered event) {
        partnerId = event.partnerId();
        users = new HashMap<>();
        lastChange = event.at();
    }

    @EventSourcingHandler
    void on(UserAdded event) {
        users.put(event.user(), event.roles());
        lastChange = event.at();
    }

    @EventSourcingHandler
    void on(UserRolesChanged event) {
        users.put(event.user(), event.roles());
        lastChange = event.at();
    }

    @EventSourcingHandler
    void on(UserRemoved event) {
        users.remove(event.user());
        lastChange = event.at();
    }

    @EventSourcingHandler
    void on(CompanyAccountEmailChanged event) {
        lastChange = event.at();
    }

    @EventSourcingHandler
    void on(QualificationsChanged event) {
        lastChange = event.at();
    }

    private void mayManageDirectory(UserId actor) {
        mayAct(actor, "manage the user directory", Role.GLOBAL_ADMIN, Role.USER_ADMIN);
    }

    private void mayGrantOrRemoveGlobalAdmin(UserId actor) {
        mayAct(actor, "grant or remove the Global admin role; only a Global admin may", Role.GLOBAL_ADMIN);
    }

    private void mayAct(UserId actor, String what, Role... allowed) {
        Set<Role> roles = users.get(actor);
        if (roles == null || Set.of(allowed).stream().noneMatch(roles::contains)) {
            throw new NotPermitted(actor, what);
        }
    }

    private void inDirectory(UserId user) {
        if (!users.containsKey(user)) {
            throw new NotFound("user", user);
        }
    }

    private void keepsAGlobalAdminWithout(UserId user) {
        boolean anotherAdmin = users.entrySet().stream()
                .anyMatch(entry -> !entry.getKey().equals(user) && entry.getValue().contains(Role.GLOBAL_ADMIN));
        if (users.get(user).contains(Role.GLOBAL_ADMIN) && !anotherAdmin) {
            throw new LastGlobalAdmin(user);
        }
    }

    private Instant inOrder(Instant at) {
        return at.isBefore(lastChange) ? lastChange : at;
    }
}
