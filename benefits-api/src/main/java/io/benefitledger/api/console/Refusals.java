package io.benefitledger.api.console;

import io.benefitledger.api.refusals.RefusedCommands;
import io.benefitledger.api.web.ProblemDetailsAdvice;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import java.util.HashMap;
import java.util.Map;

/**
 * A refused action of the console is shown as the API would answer it: the problem detail's own words (its
 * {@code detail}) and status, on a page that leads back to the tab. The same handler that writes the API's problem
 * decides it, so the page and the API never disagree on why.
 */
@ControllerAdvice(basePackageClasses = Refusals.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Refusals {

    private final ProblemDetailsAdvice problems;
    private final PageModel pageModel;

    Refusals(ProblemDetailsAdvice problems, PageModel pageModel) {
        this.problems = problems;
        this.pageModel = pageModel;
    }

    @ExceptionHandler
    ModelAndView refused(Exception failure, HttpServletRequest request) throws Exception {
        ProblemDetail problem = problems.problemFor(failure, request);
        request.setAttribute(RefusedCommands.PROBLEM_TYPE, problem.getType().toString());
        // an exception handler's view gets no @ModelAttribute: the header's caller and rights are added here
        Map<String, Object> model = new HashMap<>();
        model.put("problem", problem);
        model.put("back", Tabs.pageOf(request.getRequestURI()));
        model.put("caller", pageModel.caller());
        model.put("may", pageModel.may());
        return new ModelAndView("console/refused", model, HttpStatusCode.valueOf(problem.getStatus()));
    }
}
