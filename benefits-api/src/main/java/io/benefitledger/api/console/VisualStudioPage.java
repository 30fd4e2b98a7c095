package io.benefitledger.api.console;

import io.benefitledger.api.directory.DirectoryUsers;
import io.benefitledger.api.security.Caller;
import io.benefitledger.api.security.Rights;
import io.benefitledger.api.web.ReadModels;
import io.benefitledger.benefit.SubscriptionId;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import io.benefitledger.query.visualstudio.FindVisualStudioSeats;
import io.benefitledger.query.visualstudio.VisualStudioTab;
import io.benefitledger.seat.AssignUser;
import io.benefitledger.seat.RemoveAssignment;
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
 * The Visual Studio subscriptions tab: each seat is activated by assigning a user from the directory; reassigning is
 * removing the user, then assigning another. Only a Global admin sees, and may press, Assign user and Remove.
 */
@Controller
@RequestMapping("/console/partners/{partnerId}/visual-studio")
class VisualStudioPage {

    private final CommandGateway commands;
    private final ReadModels readModels;
    private final DirectoryUsers directory;
    private final Clock clock;

    VisualStudioPage(CommandGateway commands, ReadModels readModels, DirectoryUsers directory, Clock clock) {
        this.commands = commands;
        this.readModels = readModels;
        this.directory = directory;
        this.clock = clock;
    }

    @PreAuthorize(Rights.READ_TABS)
    @GetMapping
    CompletableFuture<ModelAndView> tab(@PathVariable String partnerId, Caller caller,
                                        @RequestParam(required = false) @Min(1) Long awaitPosition) {
        // the directory is shown only to whoever may assign from it
        List<DirectoryUsers.Choice> users = Rights.allow(Rights.ASSIGN) ? directory.of(new PartnerId(partnerId)) : List.of();
        return Tabs.read(readModels, awaitPosition,
                        new FindVisualStudioSeats(new PartnerId(partnerId).value(), null, 0, Tabs.ROWS), VisualStudioTab.class,
                        "visual-studio", partnerId, caller)
                .thenApply(page -> page.addObject("users", users));
    }

    @PreAuthorize(Rights.ASSIGN)
    @PostMapping("/{subscriptionId}/assignment")
    String assign(@PathVariable String partnerId, @PathVariable String subscriptionId, Caller caller,
                  @RequestParam String userId) {
        commands.sendAndWait(new AssignUser(new SubscriptionId(subscriptionId), new PartnerId(partnerId), new UserId(userId),
                null, caller.user(), clock.instant()));
        return Tabs.after("visual-studio", partnerId);
    }

    @PreAuthorize(Rights.ASSIGN)
    @PostMapping("/{subscriptionId}/removal")
    String remove(@PathVariable String partnerId, @PathVariable String subscriptionId, Caller caller) {
        commands.sendAndWait(new RemoveAssignment(new SubscriptionId(subscriptionId), new PartnerId(partnerId), caller.user(),
                clock.instant()));
        return Tabs.after("visual-studio", partnerId);
    }
}
