package io.benefitledger.catalogue;

import io.benefitledger.pkg.OfferingId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An offering of the program's catalogue, as its operator publishes it: each publication is a new version, so what an
 * offering contained when a package of it was bought stays provable from its events. Belongs to the program, not to a
 * partner: its events are stored under {@value #STORE_PREFIX}, a prefix no partner id can take.
 */
@Aggregate(snapshotTriggerDefinition = "ledgerSnapshotTrigger", cache = "aggregateCache")
public class Offering {

    /** Ids never start with {@code @} ({@link io.benefitledger.Identifiers}), so no partner owns these events. */
    public static final String STORE_PREFIX = "@catalogue/";

    @AggregateIdentifier
    private String id;
    private OfferingHistory history;

    protected Offering() {
        // for Axon: rebuilt from events, or created by the first publication
    }

    /** How the event store names an offering's aggregate. */
    public static String idOf(OfferingId offering) {
        return STORE_PREFIX + offering.value();
    }

    /**
     * Publishes version 1, or the next version; the very contents of the version on sale published again (a repeated
     * PUT) record nothing. A withdrawn offering is put on sale again by a new version.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    int handle(PublishOffering command) {
        command.contents().allocations().requireWithinLimits();
        if (history != null && history.withdrawn() == null && history.current().contents().equals(command.contents())) {
            return history.current().version();
        }
        int version = history == null ? 1 : history.versions().size() + 1;
        apply(new OfferingPublished(command.offeringId(), version, command.contents(), command.publishedBy(),
                command.at()));
        return version;
    }

    /** Answers the version withdrawn. */
    @CommandHandler
    int handle(WithdrawOffering command) {
        if (history.withdrawn() != null) {
            throw new OfferingNotOnSale(command.offeringId(), history.withdrawn());
        }
        int version = history.current().version();
        apply(new OfferingWithdrawn(command.offeringId(), version, command.withdrawnBy(), command.at()));
        return version;
    }

    @EventSourcingHandler
    void on(OfferingPublished event) {
        if (history == null) {
            id = idOf(event.offeringId());
            history = OfferingHistory.of(event.offeringId());
        }
        history = history.with(event);
    }

    @EventSourcingHandler
    void on(OfferingWithdrawn event) {
        history = history.with(event);
    }
}
