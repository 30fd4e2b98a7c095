package io.benefitledger.api.console;

import io.benefitledger.api.security.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.TreeSet;

/**
 * Where the console starts: a partner's own user goes to their partner's Benefits page; an auditor or reporting user
 * chooses among the partners they were granted.
 */
@Controller
class HomePage {

    @GetMapping({"/", "/console"})
    String start(Caller caller, Model model) {
        if (caller.partner() != null && caller.actsFor(caller.partner())) {
            return "redirect:/console/partners/" + caller.partner() + "/software";
        }
        model.addAttribute("partners", new TreeSet<>(caller.grantedPartners()));
        return "console/home";
    }
}
