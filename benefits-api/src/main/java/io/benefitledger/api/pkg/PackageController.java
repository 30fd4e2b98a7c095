package io.benefitledger.api.pkg;

import io.benefitledger.api.axon.CommandOutcome;
import io.benefitledger.api.description.Refuses;
import io.benefitledger.api.security.Caller;
import io.benefitledger.api.web.LedgerTime;
import io.benefitledger.api.web.ProblemType;
import io.benefitledger.api.web.ReadModels;
import io.benefitledger.benefit.OfferId;
import io.benefitledger.benefit.SubscriptionId;
import io.benefitledger.catalogue.PurchaseOffering;
import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import io.benefitledger.pkg.KeysRevealed;
import io.benefitledger.pkg.OfferingId;
import io.benefitledger.pkg.PackageId;
import io.benefitledger.pkg.ProductId;
import io.benefitledger.pkg.RequestBenefitCancellation;
import io.benefitledger.pkg.RequestCancellation;
import io.benefitledger.pkg.RequestOfferCancellation;
import io.benefitledger.pkg.RevealKeys;
import io.benefitledger.pkg.refund.RefundDecision;
import io.benefitledger.query.ReadSide;
import io.benefitledger.query.refund.FindRefundEligibility;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import io.benefitledger.api.security.Rights;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Benefit packages of a partner: purchase, reveal keys, request a refunded cancellation, and ask whether a refund
 * would be granted. The acting user is the bearer token's subject.
 */
@RestController
@RequestMapping("/partners/{partnerId}/packages")
class PackageController {


    private final CommandGateway commands;
    private final ReadModels readModels;
    private final Clock clock;

    PackageController(CommandGateway commands, ReadModels readModels, Clock clock) {
        this.commands = commands;
        this.readModels = readModels;
        this.clock = clock;
    }

    /** @param position the global position of the purchase: pass it as {@code awaitPosition} to read it back */
    record Purchased(String packageId, long position) {
    }

    record Revealed(String packageId, String productId, List<String> keys, String language,
                    String operatingSystem, String downloadLink, Instant revealedAt, long position) {
    }

    record CancellationDecided(String packageId, String outcome, RefundDecision decision, long position) {
    }

    @PreAuthorize(Rights.ACT_FOR_PARTNER)
    @Operation(operationId = "purchasePackage", summary = "Purchase a benefit package: an offering of the program's catalogue, with the allocations its current version holds", description = "The package records the offering and the version bought, and holds that version's contents for good; a purchase within the renewal window of a package of the same offering continues its membership year.", tags = {"Packages"})
    @Refuses({ProblemType.UNKNOWN_OFFERING, ProblemType.OFFERING_WITHDRAWN, ProblemType.STALE_OFFERING_VERSION, ProblemType.PURCHASE_LIMIT_REACHED, ProblemType.PACKAGE_TOO_LARGE, ProblemType.MEMBERSHIP_ALREADY_RENEWED, ProblemType.CONFLICT})
    @ApiResponse(responseCode = "201", description = "purchased; its seats and subscriptions are opened and the offers its partner is entitled to granted, in the same transaction", useReturnTypeSchema = true)
    @PostMapping
    ResponseEntity<Purchased> purchase(@PathVariable String partnerId, Caller caller,
                                       @Valid @RequestBody PurchaseRequest request,
                                       UriComponentsBuilder uris) {
        PackageId packageId = new PackageId(request.packageId() != null ? request.packageId() : UUID.randomUUID().toString());
        commands.sendAndWait(new PurchaseOffering(packageId, new PartnerId(partnerId), new OfferingId(request.offering()),
                request.version(), caller.user(), clock.instant()));
        CommandOutcome purchased = CommandOutcome.current();
        return ResponseEntity
                .created(uris.path("/partners/{partnerId}/packages/{packageId}").build(partnerId, packageId.value()))
                // the path names no package yet, so AggregateVersions cannot: the new package's version
                .eTag("\"" + purchased.version(AggregateId.of(new PartnerId(partnerId), packageId).toString()).orElseThrow() + "\"")
                .body(new Purchased(packageId.value(), purchased.position()));
    }

    @PreAuthorize(Rights.ACT_FOR_PARTNER)
    @Operation(operationId = "revealKeys", summary = "Get keys: reveal license keys of a software product or license-based cloud subscription for a display language and operating system", description = "Revealing keys activates a software benefit: the package is no longer refundable.", tags = {"Software", "Cloud"})
    @Refuses({ProblemType.KEYS_EXHAUSTED, ProblemType.PRODUCT_EXPIRED, ProblemType.LANGUAGE_NOT_OFFERED, ProblemType.OPERATING_SYSTEM_NOT_OFFERED, ProblemType.PACKAGE_REVOKED})
    @PostMapping("/{packageId}/software/{productId}/keys")
    Revealed revealKeys(@PathVariable String partnerId, @PathVariable String packageId, @PathVariable String productId,
                        Caller caller, @Valid @RequestBody RevealKeysRequest request) {
        KeysRevealed revealed = commands.sendAndWait(new RevealKeys(new PackageId(packageId), new PartnerId(partnerId),
                new ProductId(productId), request.countOrOne(), request.language(), request.operatingSystem(),
                caller.user(), clock.instant()));
        return new Revealed(packageId, productId, revealed.keys(), revealed.language(), revealed.operatingSystem(),
                revealed.downloadLink(), revealed.at(), CommandOutcome.current().position());
    }

    @PreAuthorize(Rights.ACT_FOR_PARTNER)
    @Operation(operationId = "requestCancellation", summary = "Request cancellation with a refund, decided by the refund rule; a denial is recorded too", description = "Granted within 30 days of the purchase if no software benefit was activated; then every benefit of the package is revoked. Every request is decided and recorded, a request after the refund too (denied: not already cancelled).", tags = {"Refunds"})
    @PostMapping("/{packageId}/cancellation")
    CancellationDecided requestCancellation(@PathVariable String partnerId, @PathVariable String packageId,
                                            Caller caller,
                                            @Valid @RequestBody CancellationRequest request) {
        RefundDecision decision = commands.sendAndWait(new RequestCancellation(new PackageId(packageId),
                new PartnerId(partnerId), request.serviceRequest(), caller.user(), clock.instant()));
        return new CancellationDecided(packageId, decision.eligible() ? "cancelled-with-refund" : "denied", decision,
                CommandOutcome.current().position());
    }

    record BenefitCancellationDecided(String packageId, String subscriptionId, String outcome, RefundDecision decision,
                                      long position) {
    }

    @PreAuthorize(Rights.ACT_FOR_PARTNER)
    @Operation(operationId = "requestBenefitCancellation", summary = "Request cancellation of one benefit (a seat, a usage-based subscription, a technical benefit) with a refund, decided by the package's refund rule; a denial is recorded too", description = "Granted while the package itself would be: within 30 days of the purchase and no software benefit activated. Then that benefit alone is revoked.", tags = {"Refunds"})
    @PostMapping("/{packageId}/benefits/{subscriptionId}/cancellation")
    BenefitCancellationDecided requestBenefitCancellation(@PathVariable String partnerId, @PathVariable String packageId,
                                                          @PathVariable String subscriptionId, Caller caller,
                                                          @Valid @RequestBody CancellationRequest request) {
        RefundDecision decision = commands.sendAndWait(new RequestBenefitCancellation(new PackageId(packageId),
                new PartnerId(partnerId), new SubscriptionId(subscriptionId), request.serviceRequest(), caller.user(),
                clock.instant()));
        return new BenefitCancellationDecided(packageId, subscriptionId,
                decision.eligible() ? "cancelled-with-refund" : "denied", decision, CommandOutcome.current().position());
    }

    record OfferCancellationDecided(String packageId, String offerId, String outcome, RefundDecision decision,
                                    long position) {
    }

    @PreAuthorize(Rights.ACT_FOR_PARTNER)
    @Operation(operationId = "requestOfferCancellation", summary = "Request cancellation of one Go-To-Market offer the package granted, with a refund, decided by the package's refund rule; a denial is recorded too", description = "Granted while the package itself would be: within 30 days of the purchase and no software benefit activated. Then that offer alone is withdrawn. An offer the package did not grant is not found.", tags = {"Refunds"})
    @PostMapping("/{packageId}/offers/{offerId}/cancellation")
    OfferCancellationDecided requestOfferCancellation(@PathVariable String partnerId, @PathVariable String packageId,
                                                      @PathVariable String offerId, Caller caller,
                                                      @Valid @RequestBody CancellationRequest request) {
        RefundDecision decision = commands.sendAndWait(new RequestOfferCancellation(new PackageId(packageId),
                new PartnerId(partnerId), new OfferId(offerId), request.serviceRequest(), caller.user(),
                clock.instant()));
        return new OfferCancellationDecided(packageId, offerId, decision.eligible() ? "cancelled-with-refund" : "denied",
                decision, CommandOutcome.current().position());
    }

    @PreAuthorize(Rights.READ_TABS)
    @Operation(operationId = "readPackageRefundEligibility", summary = "Whether a refund of the package would be granted now or at an instant, with every reason and its evidence", tags = {"Refunds"})
    @GetMapping("/{packageId}/refund-eligibility")
    CompletableFuture<RefundDecision> refundEligibility(@PathVariable String partnerId, @PathVariable String packageId,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @LedgerTime Instant at,
                                     @RequestParam(required = false) @Min(1) Long awaitPosition) {
        return readModels.askAfter(ReadSide.GROUP, awaitPosition, new FindRefundEligibility(new PartnerId(partnerId).value(), new PackageId(packageId).value(),
                at != null ? at : clock.instant()), RefundDecision.class);
    }
}
