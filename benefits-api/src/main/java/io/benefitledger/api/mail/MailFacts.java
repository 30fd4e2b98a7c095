package io.benefitledger.api.mail;

import io.benefitledger.benefit.OfferId;
import io.benefitledger.benefit.SubscriptionId;
import io.benefitledger.offer.ContactDesignated;
import io.benefitledger.offer.GtmOffer;
import io.benefitledger.offer.OfferGrant;
import io.benefitledger.offer.OffersGranted;
import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import io.benefitledger.seat.SubscriptionOpened;
import io.benefitledger.seat.UserAssigned;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * What a mail needs beyond its event, as it stood when the event was recorded: a subscription's kind and its
 * assignee, the marketing contact and an offer's name, folded from the aggregate's own events before that one (never
 * from a read model, which may be behind or being rebuilt); and where a user and the company are reached now, from
 * the directory tables the write side keeps in its own transactions.
 */
@Component
class MailFacts {

    /** A subscription before the event: what it is, and who was last assigned (with their alternative e-mail). */
    record Subscription(SubscriptionOpened opened, UserAssigned lastAssigned) {
    }

    /** The partner's offers before the event: the marketing contact and the offer's name. */
    record Offers(ContactDesignated contact, String offerName) {
    }

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;

    MailFacts(EventStore eventStore, JdbcTemplate jdbc) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
    }

    Subscription subscription(PartnerId partner, SubscriptionId subscription, long before) {
        SubscriptionOpened opened = null;
        UserAssigned assigned = null;
        DomainEventStream events = eventStore.readEvents(AggregateId.of(partner, subscription).toString(), 0);
        while (events.hasNext() && events.peek().getSequenceNumber() < before) {
            Object payload = events.next().getPayload();
            if (payload instanceof SubscriptionOpened event) {
                opened = event;
            } else if (payload instanceof UserAssigned event) {
                assigned = event;
            }
        }
        return new Subscription(opened, assigned);
    }

    Offers offers(PartnerId partner, OfferId offer, long before) {
        ContactDesignated contact = null;
        String name = offer.value();
        DomainEventStream events = eventStore.readEvents(GtmOffer.idOf(partner).toString(), 0);
        while (events.hasNext() && events.peek().getSequenceNumber() < before) {
            DomainEventMessage<?> event = events.next();
            if (event.getPayload() instanceof ContactDesignated designated) {
                contact = designated;
            } else if (event.getPayload() instanceof OffersGranted granted) {
                name = granted.offers().stream().filter(grant -> grant.offerId().equals(offer)).map(OfferGrant::name)
                        .findFirst().orElse(name);
            }
        }
        return new Offers(contact, name);
    }

    /** The user's account e-mail, while they are in the partner's directory. */
    Optional<String> accountEmail(PartnerId partner, UserId user) {
        return jdbc.queryForList("select email from directory_user where partner_id = ? and user_id = ?", String.class,
                partner.value(), user.value()).stream().findFirst();
    }

    Optional<String> companyAccountEmail(PartnerId partner) {
        return jdbc.queryForList("select company_account_email from directory_partner where partner_id = ?",
                String.class, partner.value()).stream().findFirst();
    }
}
