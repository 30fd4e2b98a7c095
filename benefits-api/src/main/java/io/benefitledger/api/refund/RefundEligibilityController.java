package io.benefitledger.api.refund;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import io.benefitledger.api.web.LedgerTime;
import io.benefitledger.api.web.PageNumber;
import io.benefitledger.api.web.ReadModels;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.query.refund.FindRefundEligibilities;
import io.benefitledger.query.refund.RefundEligibilities;
import io.benefitledger.query.ReadSide;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.format.annotation.DateTimeFormat;
import io.benefitledger.api.security.Rights;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.time.Instant;

/** Refund eligibility of every package of a partner, at an instant (now by default), or only the refundable ones. */
@Tag(name = "Refunds")
@RestController
class RefundEligibilityController {

    private final ReadModels readModels;
    private final Clock clock;

    RefundEligibilityController(ReadModels readModels, Clock clock) {
        this.readModels = readModels;
        this.clock = clock;
    }

    @PreAuthorize(Rights.READ_TABS)
    @Operation(operationId = "listRefundEligibility", summary = "The refund eligibility of each of the partner's packages")
    @GetMapping("/partners/{partnerId}/refund-eligibility")
    CompletableFuture<RefundEligibilities> refundEligibility(@PathVariable String partnerId,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @LedgerTime Instant at,
                                         @RequestParam(defaultValue = "false") boolean onlyRefundable,
                                         @RequestParam(defaultValue = "0") @PageNumber int page,
                                         @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                                         @RequestParam(required = false) @Min(1) Long awaitPosition) {
        return readModels.askAfter(ReadSide.GROUP, awaitPosition,
                new FindRefundEligibilities(new PartnerId(partnerId).value(), at != null ? at : clock.instant(),
                        onlyRefundable, page, size), RefundEligibilities.class);
    }
}
