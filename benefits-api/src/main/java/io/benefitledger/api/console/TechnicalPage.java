package io.benefitledger.api.console;

import io.benefitledger.api.directory.DirectoryUsers;
import io.benefitledger.api.security.Caller;
import io.benefitledger.api.security.Rights;
import io.benefitledger.api.web.ReadModels;
import io.benefitledger.benefit.Phase;
import io.benefitledger.benefit.SubscriptionId;
import io.benefitledger.partner.EmailAddress;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import io.benefitledger.query.technical.FindTechnicalBenefits;
import io.benefitledger.query.technical.TechnicalTab;
import io.benefitledger.seat.AssignUser;
import io.benefitledger.seat.DrawBenefit;
import jakarta.validation.constraints.Max;
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
import java.util.concurrent.CompletableFuture;

/**
 * The Technical benefits tab: assign a user with an alternative e-mail (pending until fulfilment confirms it, then
 * active), and request advisory or presales hours for a phase, never beyond what is left.
 */
@Controller
@RequestMapping("/console/partners/{partnerId}/technical")
class TechnicalPage {

    private final CommandGateway commands;
    private final ReadModels readModels;
    private final DirectoryUsers directory;
    private final Clock clock;

    TechnicalPage(CommandGateway commands, ReadModels readModels, DirectoryUsers directory, Clock clock) {
        this.commands = commands;
        this.readModels = readModels;
        this.directory = directory;
        this.clock = clock;
    }

    @PreAuthorize(Rights.READ_TABS)
    @GetMapping
    CompletableFuture<ModelAndView> tab(@PathVariable String partnerId, Caller caller,
                                        @RequestParam(required = false) @Min(1) Long awaitPosition) {
        List<DirectoryUsers.Choice> users = Rights.allow(Rights.ASSIGN) ? directory.of(new PartnerId(partnerId)) : List.of();
        return Tabs.read(readModels, awaitPosition,
                        new FindTechnicalBenefits(new PartnerId(partnerId).value(), null, 0, Tabs.ROWS), TechnicalTab.class,
                        "technical", partnerId, caller)
                .thenApply(page -> page.addObject("users", users).addObject("phases", Phase.values()));
    }

    @PreAuthorize(Rights.ASSIGN)
    @PostMapping("/{subscriptionId}/assignment")
    String assign(@PathVariable String partnerId, @PathVariable String subscriptionId, Caller caller,
                  @RequestParam String userId, @RequestParam(required = false) String alternativeEmail) {
        commands.sendAndWait(new AssignUser(new SubscriptionId(subscriptionId), new PartnerId(partnerId), new UserId(userId),
                alternativeEmail == null ? null : new EmailAddress(alternativeEmail), caller.user(), clock.instant()));
        return Tabs.after("technical", partnerId);
    }

    @PreAuthorize(Rights.ACT_FOR_PARTNER)
    @PostMapping("/{subscriptionId}/draws")
    String draw(@PathVariable String partnerId, @PathVariable String subscriptionId, Caller caller,
                @RequestParam(required = false) Phase phase, @RequestParam String description,
                @RequestParam @Min(1) @Max(10_000) int amount) {
        commands.sendAndWait(new DrawBenefit(new SubscriptionId(subscriptionId), new PartnerId(partnerId), phase, description,
                amount, caller.user(), clock.instant()));
        return Tabs.after("technical", partnerId);
    }
}
