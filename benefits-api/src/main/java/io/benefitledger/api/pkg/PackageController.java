package io.benefitledger.api.pkg;

import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import io.benefitledger.pkg.KeysRevealed;
import io.benefitledger.pkg.PackageId;
import io.benefitledger.pkg.ProductId;
import io.benefitledger.pkg.PurchasePackage;
import io.benefitledger.pkg.RequestCancellation;
import io.benefitledger.pkg.RevealKeys;
import io.benefitledger.pkg.SoftwareProduct;
import io.benefitledger.pkg.refund.RefundDecision;
import io.benefitledger.api.web.ReadModels;
import io.benefitledger.query.refund.FindRefundEligibility;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Benefit packages of a partner: purchase, reveal keys, request a refunded cancellation, and ask whether a refund
 * would be granted. Until authentication arrives, the acting user is named in the {@code X-Acting-User} header.
 */
@RestController
@RequestMapping("/partners/{partnerId}/packages")
class PackageController {

    static final String ACTING_USER = "X-Acting-User";

    private final CommandGateway commands;
    private final ReadModels readModels;
    private final Clock clock;

    PackageController(CommandGateway commands, ReadModels readModels, Clock clock) {
        this.commands = commands;
        this.readModels = readModels;
        this.clock = clock;
    }

    record Purchased(String packageId) {
    }

    record Revealed(String packageId, String productId, List<String> keys, String language,
                    String operatingSystem, String downloadLink, Instant revealedAt) {
    }

    record CancellationDecided(String packageId, String outcome, RefundDecision decision) {
    }

    @PostMapping
    ResponseEntity<Purchased> purchase(@PathVariable String partnerId, @RequestHeader(ACTING_USER) String actingUser,
                                       @Valid @RequestBody PurchaseRequest request,
                                       UriComponentsBuilder uris) {
        PackageId packageId = new PackageId(request.packageId() != null ? request.packageId() : UUID.randomUUID().toString());
        List<SoftwareProduct> software = request.software().stream()
                .map(product -> new SoftwareProduct(new ProductId(product.productId()), product.name(), product.keys(),
                        product.languages(), product.operatingSystems(), product.downloadUrlTemplate(),
                        product.specialInstructions()))
                .toList();
        commands.sendAndWait(new PurchasePackage(packageId, new PartnerId(partnerId), request.packageType(), software,
                new UserId(actingUser), clock.instant()));
        return ResponseEntity
                .created(uris.path("/partners/{partnerId}/packages/{packageId}").build(partnerId, packageId.value()))
                .body(new Purchased(packageId.value()));
    }

    @PostMapping("/{packageId}/software/{productId}/keys")
    Revealed revealKeys(@PathVariable String partnerId, @PathVariable String packageId, @PathVariable String productId,
                        @RequestHeader(ACTING_USER) String actingUser, @Valid @RequestBody RevealKeysRequest request) {
        KeysRevealed revealed = commands.sendAndWait(new RevealKeys(new PackageId(packageId), new PartnerId(partnerId),
                new ProductId(productId), request.countOrOne(), request.language(), request.operatingSystem(),
                new UserId(actingUser), clock.instant()));
        return new Revealed(packageId, productId, revealed.keys(), revealed.language(), revealed.operatingSystem(),
                revealed.downloadLink(), revealed.at());
    }

    @PostMapping("/{packageId}/cancellation")
    CancellationDecided requestCancellation(@PathVariable String partnerId, @PathVariable String packageId,
                                            @RequestHeader(ACTING_USER) String actingUser,
                                            @Valid @RequestBody CancellationRequest request) {
        RefundDecision decision = commands.sendAndWait(new RequestCancellation(new PackageId(packageId),
                new PartnerId(partnerId), request.serviceRequest(), new UserId(actingUser), clock.instant()));
        return new CancellationDecided(packageId, decision.eligible() ? "cancelled-with-refund" : "denied", decision);
    }

    @GetMapping("/{packageId}/refund-eligibility")
    RefundDecision refundEligibility(@PathVariable String partnerId, @PathVariable String packageId,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at) {
        return readModels.ask(new FindRefundEligibility(new PartnerId(partnerId).value(), new PackageId(packageId).value(),
                at != null ? at : clock.instant()), RefundDecision.class);
    }
}
