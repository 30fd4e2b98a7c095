package io.benefitledger.offer;

import io.benefitledger.RunsWithTheCommand;
import io.benefitledger.partner.PartnerRegistered;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/** A registered partner has Go-To-Market offers from the start, opened in the registration's transaction. */
@RunsWithTheCommand
@ProcessingGroup(GoToMarketOpening.GROUP)
public class GoToMarketOpening {

    public static final String GROUP = "go-to-market-opening";

    private final CommandGateway commands;

    public GoToMarketOpening(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(PartnerRegistered event) {
        commands.sendAndWait(new OpenGoToMarket(event.partnerId(), event.at()));
    }
}
