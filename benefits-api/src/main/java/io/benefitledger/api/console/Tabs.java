package io.benefitledger.api.console;

import io.benefitledger.api.axon.CommandOutcome;
import io.benefitledger.api.security.Caller;
import io.benefitledger.api.security.PersonalDataMasking;
import io.benefitledger.api.web.ReadModels;
import io.benefitledger.query.ReadSide;
import org.springframework.web.servlet.ModelAndView;

import java.util.concurrent.CompletableFuture;

/** The five tabs of a partner's Benefits page, and what each tab's page holds. */
final class Tabs {

    /** Rows a tab shows: the API's largest page. A partner with more sees the first ones (see the README). */
    static final int ROWS = 500;

    private Tabs() {
    }

    /**
     * Where a page goes after its command was recorded: back to the tab, read once it shows the command's own
     * events (the position the command's unit of work recorded), as an API caller's {@code awaitPosition} would.
     */
    static String after(String tab, String partnerId) {
        return "redirect:/console/partners/" + partnerId + "/" + tab + "?awaitPosition=" + CommandOutcome.current().position();
    }

    /** The tab a request of a partner's page was on, {@code /console/partners/{partner}/{tab}}; else the console's start. */
    static String pageOf(String uri) {
        String[] segments = uri.split("/");
        return segments.length >= 5 && "console".equals(segments[1]) && "partners".equals(segments[2])
                ? String.join("/", segments[0], segments[1], segments[2], segments[3], segments[4]) : "/console";
    }

    /**
     * A partner's tab read as the API reads it: once it shows the command at {@code awaitPosition}, and with the
     * personal data masked that the caller may not see (the API's answers are masked on their way out; a page's
     * model is not, so every tab is read here).
     */
    static <T> CompletableFuture<ModelAndView> read(ReadModels readModels, Long awaitPosition, Object query,
                                                    Class<T> answer, String tab, String partnerId, Caller caller) {
        return readModels.askAfter(ReadSide.GROUP, awaitPosition, query, answer)
                .thenApply(rows -> page(tab, partnerId, PersonalDataMasking.masked(rows, partnerId, caller)));
    }

    static ModelAndView page(String tab, String partnerId, Object rows) {
        return new ModelAndView("console/" + tab).addObject("tabName", tab).addObject("partnerId", partnerId)
                .addObject("tab", rows);
    }
}
