package io.benefitledger.api.console;

import io.benefitledger.api.directory.DirectoryUsers;
import io.benefitledger.api.security.Caller;
import io.benefitledger.api.security.Rights;
import io.benefitledger.api.web.ReadModels;
import io.benefitledger.benefit.OfferId;
import io.benefitledger.offer.ActivateOffer;
import io.benefitledger.offer.DesignateMarketingContact;
import io.benefitledger.offer.LanguageTag;
import io.benefitledger.offer.PhoneNumber;
import io.benefitledger.partner.EmailAddress;
import io.benefitledger.partner.PartnerDirectory;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import io.benefitledger.query.gtm.FindGoToMarket;
import io.benefitledger.query.gtm.GoToMarketTab;
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

import java.time.Clock;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * The Go-To-Market tab: the company marketing contact (a user of the directory, an alternative e-mail, a phone and a
 * preferred language), then the offers the partner's level and competencies grant, each activated with Activate,
 * pending until fulfilled, then active until it expires. Global admins and MPN partner admins act here.
 */
@Controller
@RequestMapping("/console/partners/{partnerId}/go-to-market")
class GoToMarketPage {

    private final CommandGateway commands;
    private final ReadModels readModels;
    private final DirectoryUsers directory;
    private final PartnerDirectory partners;
    private final Clock clock;

    GoToMarketPage(CommandGateway commands, ReadModels readModels, DirectoryUsers directory, PartnerDirectory partners,
                   Clock clock) {
        this.commands = commands;
        this.readModels = readModels;
        this.directory = directory;
        this.partners = partners;
        this.clock = clock;
    }

    @PreAuthorize(Rights.READ_TABS)
    @GetMapping
    CompletableFuture<ModelAndView> tab(@PathVariable String partnerId, Caller caller,
                                        @RequestParam(required = false) @Min(1) Long awaitPosition) {
        PartnerId partner = new PartnerId(partnerId);
        List<DirectoryUsers.Choice> users = Rights.allow(Rights.GO_TO_MARKET) ? directory.of(partner) : List.of();
        return Tabs.read(readModels, awaitPosition,
                        new FindGoToMarket(partner.value()), GoToMarketTab.class,
                        "go-to-market", partnerId, caller)
                .thenApply(page -> page.addObject("users", users).addObject("qualifications", new TreeSet<>(partners.qualifications(partner))));
    }

    @PreAuthorize(Rights.GO_TO_MARKET)
    @PostMapping("/contact")
    String designateContact(@PathVariable String partnerId, Caller caller, @RequestParam String userId,
                            @RequestParam String alternativeEmail, @RequestParam String phone,
                            @RequestParam String preferredLanguage) {
        commands.sendAndWait(new DesignateMarketingContact(new PartnerId(partnerId), new UserId(userId),
                new EmailAddress(alternativeEmail), new PhoneNumber(phone), new LanguageTag(preferredLanguage), caller.user(),
                clock.instant()));
        return Tabs.after("go-to-market", partnerId);
    }

    @PreAuthorize(Rights.GO_TO_MARKET)
    @PostMapping("/offers/{offerId}/activation")
    String activate(@PathVariable String partnerId, @PathVariable String offerId, Caller caller) {
        commands.sendAndWait(new ActivateOffer(new PartnerId(partnerId), new OfferId(offerId), caller.user(), clock.instant()));
        return Tabs.after("go-to-market", partnerId);
    }
}
