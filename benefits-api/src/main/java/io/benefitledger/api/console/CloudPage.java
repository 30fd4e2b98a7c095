package io.benefitledger.api.console;

import io.benefitledger.api.security.Caller;
import io.benefitledger.api.security.Rights;
import io.benefitledger.api.web.ReadModels;
import io.benefitledger.benefit.SubscriptionId;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.pkg.KeysRevealed;
import io.benefitledger.pkg.PackageId;
import io.benefitledger.pkg.ProductId;
import io.benefitledger.pkg.RevealKeys;
import io.benefitledger.query.cloud.CloudTab;
import io.benefitledger.query.cloud.FindCloudBenefits;
import io.benefitledger.seat.AssignUser;
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
 * The Cloud tab: a usage-based Azure subscription is activated by assigning yourself, a license-based one by Get
 * keys (shown once, as on the Software tab).
 */
@Controller
@RequestMapping("/console/partners/{partnerId}/cloud")
class CloudPage {

    private final CommandGateway commands;
    private final ReadModels readModels;
    private final Clock clock;

    CloudPage(CommandGateway commands, ReadModels readModels, Clock clock) {
        this.commands = commands;
        this.readModels = readModels;
        this.clock = clock;
    }

    @PreAuthorize(Rights.READ_TABS)
    @GetMapping
    CompletableFuture<ModelAndView> tab(@PathVariable String partnerId, Caller caller,
                                        @RequestParam(required = false) @Min(1) Long awaitPosition) {
        return Tabs.read(readModels, awaitPosition,
                        new FindCloudBenefits(new PartnerId(partnerId).value(), null, 0, Tabs.ROWS), CloudTab.class,
                        "cloud", partnerId, caller);
    }

    @PreAuthorize(Rights.ASSIGN)
    @PostMapping("/{subscriptionId}/assignment")
    String assignYourself(@PathVariable String partnerId, @PathVariable String subscriptionId, Caller caller) {
        commands.sendAndWait(new AssignUser(new SubscriptionId(subscriptionId), new PartnerId(partnerId), caller.user(), null,
                caller.user(), clock.instant()));
        return Tabs.after("cloud", partnerId);
    }

    @PreAuthorize(Rights.ACT_FOR_PARTNER)
    @PostMapping("/{packageId}/{productId}/keys")
    String getKeys(@PathVariable String partnerId, @PathVariable String packageId, @PathVariable String productId,
                   Caller caller, @RequestParam String language, @RequestParam String operatingSystem,
                   RedirectAttributes next) {
        KeysRevealed revealed = commands.sendAndWait(new RevealKeys(new PackageId(packageId), new PartnerId(partnerId),
                new ProductId(productId), 1, language, operatingSystem, caller.user(), clock.instant()));
        next.addFlashAttribute("revealed", revealed);
        return Tabs.after("cloud", partnerId);
    }
}
