package io.benefitledger.api.tabs;

import io.swagger.v3.oas.annotations.Operation;

import io.benefitledger.api.web.PageNumber;
import io.benefitledger.api.web.ReadModels;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.query.BenefitStatus;
import io.benefitledger.query.ReadSide;
import io.benefitledger.query.cloud.CloudTab;
import io.benefitledger.query.cloud.FindCloudBenefits;
import io.benefitledger.query.gtm.FindGoToMarket;
import io.benefitledger.query.gtm.GoToMarketTab;
import io.benefitledger.query.software.FindSoftwareBenefits;
import io.benefitledger.query.software.SoftwareTab;
import io.benefitledger.query.technical.FindTechnicalBenefits;
import io.benefitledger.query.technical.TechnicalTab;
import io.benefitledger.query.visualstudio.FindVisualStudioSeats;
import io.benefitledger.query.visualstudio.VisualStudioTab;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.benefitledger.api.security.Rights;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.concurrent.CompletableFuture;

/**
 * The five tabs of a partner's Benefits page, read from their read models, a page at a time and optionally only the
 * rows in one {@code status}. Each read may name the position a command answered with ({@code awaitPosition}) to
 * wait until the tab shows that write.
 */
@RestController
@RequestMapping("/partners/{partnerId}")
class BenefitsTabsController {

    private final ReadModels readModels;

    BenefitsTabsController(ReadModels readModels) {
        this.readModels = readModels;
    }

    @PreAuthorize(Rights.READ_TABS)
    @Operation(operationId = "readSoftwareTab", summary = "The Software tab: each product's keys allocated, revealed and remaining, and its status", tags = {"Software"})
    @GetMapping("/software")
    CompletableFuture<SoftwareTab> software(@PathVariable String partnerId,
                        @RequestParam(required = false) BenefitStatus status,
                   @RequestParam(defaultValue = "0") @PageNumber int page,
                        @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                        @RequestParam(required = false) @Min(1) Long awaitPosition) {
        return readModels.askAfter(ReadSide.GROUP, awaitPosition,
                new FindSoftwareBenefits(partner(partnerId), status, page, size), SoftwareTab.class);
    }

    @PreAuthorize(Rights.READ_TABS)
    @Operation(operationId = "readCloudTab", summary = "The Cloud tab: usage-based and license-based cloud subscriptions and their status", tags = {"Cloud"})
    @GetMapping("/cloud")
    CompletableFuture<CloudTab> cloud(@PathVariable String partnerId,
                   @RequestParam(required = false) BenefitStatus status,
                   @RequestParam(defaultValue = "0") @PageNumber int page,
                   @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                   @RequestParam(required = false) @Min(1) Long awaitPosition) {
        return readModels.askAfter(ReadSide.GROUP, awaitPosition,
                new FindCloudBenefits(partner(partnerId), status, page, size), CloudTab.class);
    }

    @PreAuthorize(Rights.READ_TABS)
    @Operation(operationId = "readVisualStudioTab", summary = "The Visual Studio subscriptions tab: each seat, its status and assigned user", tags = {"Visual Studio"})
    @GetMapping("/visual-studio")
    CompletableFuture<VisualStudioTab> visualStudio(@PathVariable String partnerId,
                                 @RequestParam(required = false) BenefitStatus status,
                   @RequestParam(defaultValue = "0") @PageNumber int page,
                                 @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                                 @RequestParam(required = false) @Min(1) Long awaitPosition) {
        return readModels.askAfter(ReadSide.GROUP, awaitPosition,
                new FindVisualStudioSeats(partner(partnerId), status, page, size), VisualStudioTab.class);
    }

    @PreAuthorize(Rights.READ_TABS)
    @Operation(operationId = "readTechnicalTab", summary = "The Technical benefits tab: quantity, drawn and remaining, status and assignee", tags = {"Technical"})
    @GetMapping("/technical")
    CompletableFuture<TechnicalTab> technical(@PathVariable String partnerId,
                           @RequestParam(required = false) BenefitStatus status,
                   @RequestParam(defaultValue = "0") @PageNumber int page,
                           @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                           @RequestParam(required = false) @Min(1) Long awaitPosition) {
        return readModels.askAfter(ReadSide.GROUP, awaitPosition,
                new FindTechnicalBenefits(partner(partnerId), status, page, size), TechnicalTab.class);
    }

    @PreAuthorize(Rights.READ_TABS)
    @Operation(operationId = "readGoToMarketTab", summary = "The Go-To-Market tab: the marketing contact and each offer with its status and expiry", tags = {"Go-To-Market"})
    @GetMapping("/go-to-market")
    CompletableFuture<GoToMarketTab> goToMarket(@PathVariable String partnerId,
                             @RequestParam(required = false) @Min(1) Long awaitPosition) {
        return readModels.askAfter(ReadSide.GROUP, awaitPosition,
                new FindGoToMarket(partner(partnerId)), GoToMarketTab.class);
    }

    private static String partner(String partnerId) {
        return new PartnerId(partnerId).value();
    }
}
