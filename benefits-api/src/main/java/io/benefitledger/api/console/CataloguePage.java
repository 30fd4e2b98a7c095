package io.benefitledger.api.console;

import io.benefitledger.api.security.Caller;
import io.benefitledger.api.security.Rights;
import io.benefitledger.catalogue.OfferingHistory;
import io.benefitledger.catalogue.OfferingPublished;
import io.benefitledger.catalogue.Offerings;
import io.benefitledger.catalogue.PurchaseOffering;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.pkg.Allocations;
import io.benefitledger.pkg.OfferingId;
import io.benefitledger.pkg.PackageId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The program's catalogue as a partner's admin buys from it: each offering on sale, what its current version holds,
 * and Buy, which purchases that version (the one the page showed: a version revised since is refused, as the API
 * refuses a stale pinned version). The purchase is the API's: the same command, the same rules.
 */
@Controller
@RequestMapping("/console/partners/{partnerId}/catalogue")
class CataloguePage {

    /** An offering on sale, and each of its allocations with its kind, as the page lists them. */
    record OnSale(OfferingPublished version, List<Allocations.Allocated> allocations) {
    }

    private final Offerings offerings;
    private final CommandGateway commands;
    private final Clock clock;

    CataloguePage(Offerings offerings, CommandGateway commands, Clock clock) {
        this.offerings = offerings;
        this.commands = commands;
        this.clock = clock;
    }

    @PreAuthorize(Rights.ACT_FOR_PARTNER)
    @GetMapping
    ModelAndView catalogue(@PathVariable String partnerId) {
        List<OnSale> onSale = offerings.all().stream()
                .filter(history -> history.withdrawn() == null)
                .map(OfferingHistory::current)
                .map(version -> new OnSale(version, version.contents().allocations().all().toList()))
                .toList();
        return Tabs.page("catalogue", new PartnerId(partnerId).value(), onSale);
    }

    @PreAuthorize(Rights.ACT_FOR_PARTNER)
    @PostMapping("/{offeringId}/purchase")
    String buy(@PathVariable String partnerId, @PathVariable String offeringId, @RequestParam int version,
               @RequestParam(required = false) String packageId, Caller caller) {
        commands.sendAndWait(new PurchaseOffering(new PackageId(packageId != null ? packageId : UUID.randomUUID().toString()),
                new PartnerId(partnerId), new OfferingId(offeringId), version, caller.user(), clock.instant()));
        return Tabs.after("refunds", partnerId);
    }
}
