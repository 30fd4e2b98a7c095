package io.benefitledger.api.console;

import io.benefitledger.api.security.Caller;
import io.benefitledger.api.security.Rights;
import io.benefitledger.api.web.ReadModels;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.pkg.KeysRevealed;
import io.benefitledger.pkg.PackageId;
import io.benefitledger.pkg.ProductId;
import io.benefitledger.pkg.RevealKeys;
import io.benefitledger.query.software.FindSoftwareBenefits;
import io.benefitledger.query.software.SoftwareTab;
import jakarta.validation.constraints.Min;
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
 * The Software tab: each product with its keys, and Get keys for a display language and an operating system the
 * product offers. The keys are shown once, on the page Get keys leads to, with the download link and the product's
 * special instructions; no read model keeps them.
 */
@Controller
@RequestMapping("/console/partners/{partnerId}/software")
class SoftwarePage {

    private final CommandGateway commands;
    private final ReadModels readModels;
    private final Clock clock;

    SoftwarePage(CommandGateway commands, ReadModels readModels, Clock clock) {
        this.commands = commands;
        this.readModels = readModels;
        this.clock = clock;
    }

    @PreAuthorize(Rights.READ_TABS)
    @GetMapping
    CompletableFuture<ModelAndView> tab(@PathVariable String partnerId, Caller caller,
                                        @RequestParam(required = false) @Min(1) Long awaitPosition) {
        return Tabs.read(readModels, awaitPosition,
                        new FindSoftwareBenefits(new PartnerId(partnerId).value(), null, 0, Tabs.ROWS), SoftwareTab.class,
                        "software", partnerId, caller);
    }

    @PreAuthorize(Rights.ACT_FOR_PARTNER)
    @PostMapping("/{packageId}/{productId}/keys")
    String getKeys(@PathVariable String partnerId, @PathVariable String packageId, @PathVariable String productId,
                   Caller caller, @RequestParam String language, @RequestParam String operatingSystem,
                   RedirectAttributes next) {
        KeysRevealed revealed = commands.sendAndWait(new RevealKeys(new PackageId(packageId), new PartnerId(partnerId),
                new ProductId(productId), 1, language, operatingSystem, caller.user(), clock.instant()));
        // shown by the next page only (a flash attribute), so reloading it neither shows them again nor reveals more
        next.addFlashAttribute("revealed", revealed);
        return Tabs.after("software", partnerId);
    }
}
