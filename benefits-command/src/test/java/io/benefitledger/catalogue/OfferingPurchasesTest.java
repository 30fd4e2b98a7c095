package io.benefitledger.catalogue;

import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import io.benefitledger.pkg.OfferingId;
import io.benefitledger.pkg.PackageId;
import io.benefitledger.pkg.PurchaseLimit;
import io.benefitledger.pkg.PurchasePackage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.benefitledger.catalogue.OfferingTest.ACTION_PACK;
import static io.benefitledger.catalogue.OfferingTest.AT;
import static io.benefitledger.catalogue.OfferingTest.OPERATOR;
import static io.benefitledger.catalogue.OfferingTest.actionPack;
import static io.benefitledger.catalogue.OfferingTest.published;
import static io.benefitledger.catalogue.OfferingTest.refusal;
import static org.assertj.core.api.Assertions.assertThat;

/** A purchase names an offering; the package gets the contents of the version on sale, over a real command bus. */
class OfferingPurchasesTest {

    static final PartnerId CONTOSO = new PartnerId("contoso");
    static final UserId ALICE = new UserId("alice");

    final List<Object> sent = new ArrayList<>();

    OfferingPurchases purchasesOf(OfferingHistory history) {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(PurchasePackage.class.getName(), message -> sent.add(message.getPayload()));
        return new OfferingPurchases(new Offerings() {
            @Override
            public Optional<OfferingHistory> find(OfferingId offering) {
                return Optional.ofNullable(history).filter(known -> known.offeringId().equals(offering));
            }

            @Override
            public List<OfferingHistory> all() {
                return history == null ? List.of() : List.of(history);
            }
        }, DefaultCommandGateway.builder().commandBus(bus).build());
    }

    @Test
    void the_package_bought_holds_the_current_versions_name_allocations_and_limit_and_records_the_version() {
        OfferingHistory history = OfferingHistory.of(ACTION_PACK).with(published(1, actionPack(2)))
                .with(published(2, actionPack(5)));

        purchasesOf(history).handle(new PurchaseOffering(new PackageId("ap-2026"), CONTOSO, ACTION_PACK, null, ALICE, AT));

        assertThat(sent).containsExactly(new PurchasePackage(new PackageId("ap-2026"), CONTOSO, "Action Pack",
                actionPack(5).allocations(), ALICE, AT, ACTION_PACK, 2, new PurchaseLimit(1)));
    }

    @Test
    void an_offering_never_published_is_not_bought() {
        assertThat(refusal(() -> purchasesOf(null).handle(new PurchaseOffering(new PackageId("ap-2026"), CONTOSO,
                ACTION_PACK, null, ALICE, AT)))).isEqualTo("unknown-offering");
        assertThat(sent).isEmpty();
    }

    @Test
    void a_withdrawn_offering_is_not_bought() {
        OfferingHistory history = OfferingHistory.of(ACTION_PACK).with(published(1, actionPack(2)))
                .with(new OfferingWithdrawn(ACTION_PACK, 1, OPERATOR, AT));

        assertThat(refusal(() -> purchasesOf(history).handle(new PurchaseOffering(new PackageId("ap-2026"), CONTOSO,
                ACTION_PACK, null, ALICE, AT)))).isEqualTo("offering-withdrawn");
        assertThat(sent).isEmpty();
    }
}
