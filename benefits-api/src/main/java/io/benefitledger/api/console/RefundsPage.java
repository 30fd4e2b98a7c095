package io.benefitledger.api.console;

import io.benefitledger.api.security.Caller;
import io.benefitledger.api.security.Rights;
import io.benefitledger.api.web.ReadModels;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.pkg.PackageId;
import io.benefitledger.pkg.RequestCancellation;
import io.benefitledger.pkg.refund.RefundDecision;
import io.benefitledger.query.ReadSide;
import io.benefitledger.query.refund.FindRefundEligibilities;
import io.benefitledger.query.refund.RefundEligibilities;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * Refunds: each package's eligibility now, by the refund rule, with every finding and the events that are its
 * evidence; and the cancellation request, decided by the same rule (a denial is recorded too).
 */
@Controller
@RequestMapping("/console/partners/{partnerId}/refunds")
class RefundsPage {

    private final CommandGateway commands;
    private final ReadModels readModels;
    private final Clock clock;

    RefundsPage(CommandGateway commands, ReadModels readModels, Clock clock) {
        this.commands = commands;
        this.readModels = readModels;
        this.clock = clock;
    }

    @PreAuthorize(Rights.READ_TABS)
    @GetMapping
    CompletableFuture<ModelAndView> tab(@PathVariable String partnerId,
                                        @RequestParam(required = false) @Min(1) Long awaitPosition) {
        return readModels.askAfter(ReadSide.GROUP, awaitPosition, new FindRefundEligibilities(new PartnerId(partnerId).value(),
                        clock.instant(), false, 0, Tabs.ROWS), RefundEligibilities.class)
                .thenApply(tab -> Tabs.page("refunds", partnerId, tab));
    }

    @PreAuthorize(Rights.ACT_FOR_PARTNER)
    @PostMapping("/{packageId}/cancellation")
    String requestCancellation(@PathVariable String partnerId, @PathVariable String packageId, Caller caller,
                               @RequestParam @Size(max = 64) String serviceRequest, RedirectAttributes next) {
        RefundDecision decision = commands.sendAndWait(new RequestCancellation(new PackageId(packageId),
                new PartnerId(partnerId), serviceRequest, caller.user(), clock.instant()));
        next.addFlashAttribute("cancelled", new Cancelled(packageId, decision));
        return Tabs.after("refunds", partnerId);
    }

    /** The decision on a cancellation request, shown once on the page it leads to. */
    record Cancelled(String packageId, RefundDecision decision) {
    }
}
