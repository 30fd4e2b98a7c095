package io.benefitledger.pkg.refund;

import io.benefitledger.partner.EmailAddress;
import io.benefitledger.partner.InMemoryDirectory;
import io.benefitledger.pkg.BenefitPackage;
import io.benefitledger.pkg.CancellationDenied;
import io.benefitledger.pkg.KeysRevealed;
import io.benefitledger.pkg.LicenseKeyIssuer;
import io.benefitledger.pkg.refund.RefundHistories.Asked;
import io.benefitledger.pkg.refund.RefundHistories.History;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static io.benefitledger.pkg.refund.RefundHistories.PACKAGE;
import static io.benefitledger.pkg.refund.RefundHistories.PARTNER;
import static io.benefitledger.pkg.refund.RefundHistories.eventId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link RefundFacts#fold}, the one fold of a package's refund facts that the aggregate, the refund-eligibility
 * projection and the audit replay share.
 */
class RefundFoldTest {

    @Property(tries = 300)
    void the_aggregate_holds_the_facts_its_history_folds_into(@ForAll("histories") History history) throws Exception {
        ParameterResolverFactory resources = MultiParameterResolverFactory.ordered(
                ClasspathParameterResolverFactory.forClass(BenefitPackage.class),
                new SimpleResourceParameterResolverFactory(List.of(history.rules(), new LicenseKeyIssuer(new Random(7)),
                        new InMemoryDirectory(PARTNER, new EmailAddress("admin@contoso.example")))));
        Constructor<BenefitPackage> blank = BenefitPackage.class.getDeclaredConstructor();
        blank.setAccessible(true);
        EventSourcedAggregate<BenefitPackage> aggregate = EventSourcedAggregate.initialize(blank.newInstance(),
                AnnotatedAggregateMetaModelFactory.inspectAggregate(BenefitPackage.class, resources), null,
                NoSnapshotTriggerDefinition.TRIGGER);
        String aggregateId = PARTNER.value() + "/" + PACKAGE.value();
        aggregate.initializeState(DomainEventStream.of(IntStream.range(0, history.events().size())
                .mapToObj(i -> (DomainEventMessage<?>) new GenericDomainEventMessage<>("BenefitPackage", aggregateId, i,
                        history.events().get(i), MetaData.emptyInstance(), eventId(i), Instant.EPOCH))
                .toList()));

        // The aggregate keeps its facts to itself: only its command handlers read them.
        Field refundFacts = BenefitPackage.class.getDeclaredField("refundFacts");
        refundFacts.setAccessible(true);
        assertThat(refundFacts.get(aggregate.getAggregateRoot())).isEqualTo(history.facts());
    }

    @Property
    void an_event_of_no_interest_to_the_rule_leaves_the_facts_as_they_are(@ForAll("asked") Asked asked,
                                                                      @ForAll("noise") Object event) {
        RefundFacts facts = asked.history().foldUntil(asked.at());
        assertThat(RefundFacts.fold(facts, event, "noise", 99, asked.history().rules())).isSameAs(facts);
        assertThat(RefundFacts.fold(null, event, "noise", 0, asked.history().rules())).isNull();
    }

    @Property
    void a_history_folds_into_the_same_facts_without_its_events_of_no_interest(@ForAll("histories") History history) {
        RefundFacts facts = null;
        for (int i = 0; i < history.events().size(); i++) {
            Object event = history.events().get(i);
            if (!(event instanceof CancellationDenied)) {
                facts = RefundFacts.fold(facts, event, eventId(i), i, history.rules());
            }
        }
        assertThat(facts).isEqualTo(history.facts());
    }

    @Property
    void the_first_reveal_is_always_kept(@ForAll("histories") History history) {
        List<Object> events = history.events();
        int first = IntStream.range(0, events.size()).filter(i -> events.get(i) instanceof KeysRevealed).findFirst().orElse(-1);
        Evidence expected = first < 0 ? null
                : new Evidence(eventId(first), "KeysRevealed", ((KeysRevealed) events.get(first)).at(), first);
        assertThat(history.facts().firstSoftwareActivation()).isEqualTo(expected);
    }

    @Property
    void a_later_reveal_is_kept_exactly_when_the_version_in_force_at_its_instant_needs_every_reveal(
            @ForAll("histories") History history) {
        List<Object> events = history.events();
        List<Evidence> expected = new ArrayList<>();
        boolean firstSeen = false;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof KeysRevealed reveal) {
                if (firstSeen && history.rules().inForceAt(reveal.at()) == RefundPolicy.EVERY_REVEAL) {
                    expected.add(new Evidence(eventId(i), "KeysRevealed", reveal.at(), i));
                }
                firstSeen = true;
            }
        }
        assertThat(history.facts().laterSoftwareActivations()).isEqualTo(expected);
    }

    @Property
    void deciding_from_the_whole_history_as_the_audit_replay_does_equals_deciding_from_the_history_up_to_the_instant(
            @ForAll("asked") Asked asked) {
        RefundRules rules = asked.history().rules();
        assertThat(rules.decide(asked.history().facts(), asked.at()))
                .isEqualTo(rules.decide(asked.history().foldUntil(asked.at()), asked.at()));
    }

    /** The refund projection relies on it: it folds a row's facts without the reveals it keeps in rows of their own. */
    @Property
    void an_event_only_ever_adds_its_own_reveal_to_the_reveals_kept_beside_the_first(@ForAll("asked") Asked asked) {
        History history = asked.history();
        RefundFacts before = history.foldUntil(asked.at());
        int next = (int) history.events().stream().filter(event -> !RefundHistories.instantOf(event).isAfter(asked.at()))
                .count();
        if (next < history.events().size()) {
            Object event = history.events().get(next);
            RefundFacts after = RefundFacts.fold(before, event, eventId(next), next, history.rules());
            RefundFacts withoutKept = new RefundFacts(before.purchase(), before.firstSoftwareActivation(), List.of(),
                    before.cancellation());
            List<Evidence> added = RefundFacts.fold(withoutKept, event, eventId(next), next, history.rules())
                    .laterSoftwareActivations();
            assertThat(added).hasSizeLessThanOrEqualTo(1).allSatisfy(reveal -> assertThat(reveal.eventId()).isEqualTo(eventId(next)));
            List<Evidence> expected = new ArrayList<>(before.laterSoftwareActivations());
            expected.addAll(added);
            assertThat(after.laterSoftwareActivations()).isEqualTo(expected);
        }
    }

    @Example
    void a_reveal_before_any_purchase_is_refused_rather_than_folded_into_nothing() {
        RefundRules rules = RefundRules.of(new RefundRules.Term(RefundPolicy.EVERY_REVEAL, Instant.EPOCH));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RefundFacts.fold(null, RefundHistories.revealed(Instant.EPOCH), "r", 0, rules))
                .withMessage("a package's history begins with its purchase, not with KeysRevealed");
    }

    @Example
    void a_purchase_starts_the_facts_with_its_evidence_and_nothing_else() {
        Instant at = Instant.parse("2026-03-01T09:00:00Z");
        RefundRules rules = RefundRules.of(new RefundRules.Term(RefundPolicy.EVERY_REVEAL, Instant.EPOCH));
        assertThat(RefundFacts.fold(null, RefundHistories.purchased(at), "p", 0, rules))
                .isEqualTo(new RefundFacts(new Evidence("p", "PackagePurchased", at, 0), null, List.of(), null));
    }

    @Provide
    Arbitrary<History> histories() {
        return RefundHistories.histories();
    }

    @Provide
    Arbitrary<Asked> asked() {
        return RefundHistories.askedAnyTime();
    }

    @Provide
    Arbitrary<Object> noise() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, 3_000_000_000_000L).map(Instant::ofEpochMilli).map(RefundHistories::denied),
                Arbitraries.strings().ofMaxLength(5),
                Arbitraries.just(RefundHistories.WINDOWS_SERVER));
    }
}
