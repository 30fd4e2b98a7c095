package io.benefitledger.api.console;

import io.benefitledger.api.security.Rights;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.WebUtils;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A form of a partner's page is carried out once, however often it is sent: a double click on Get keys must not reveal
 * two keys, nor a resent draw take the hours twice. Each page a partner's forms are on carries a one-time token
 * ({@code once}); the first request that brings it back takes it, and one that brings it again (or none) is not
 * carried out: it waits for the first to finish and goes back to the page, where the first one's outcome is shown
 * (the keys, once).
 */
@Component
class FormsOnce implements HandlerInterceptor, WebMvcConfigurer {

    static final String PARAMETER = "once";
    /** Pages a session may hold open at once; the oldest page's forms are then no longer carried out. */
    private static final int OPEN_PAGES = 64;
    private static final String ISSUED = FormsOnce.class.getName() + ".issued";
    private static final long WAIT_FOR_THE_FIRST_SECONDS = 10;

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/console/partners/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!"POST".equals(request.getMethod()) || !allowed(handler)) {
            return true; // a form its caller may not send is refused by its own rule, token or not
        }
        HttpSession session = request.getSession();
        String token = request.getParameter(PARAMETER);
        CountDownLatch first;
        synchronized (WebUtils.getSessionMutex(session)) {
            Map<String, CountDownLatch> issued = issued(session);
            first = token == null ? null : issued.get(token);
            if (first != null && first.getCount() == 2) {
                first.countDown(); // taken: this request carries the form out
                request.setAttribute(ISSUED, first);
                return true;
            }
        }
        if (first != null) {
            first.await(WAIT_FOR_THE_FIRST_SECONDS, TimeUnit.SECONDS);
        }
        RequestContextUtils.getOutputFlashMap(request).put("alreadySent", true);
        response.sendRedirect(request.getContextPath() + Tabs.pageOf(request.getRequestURI()));
        return false;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView page) {
        if ("GET".equals(request.getMethod()) && page != null && page.getViewName() != null
            && !page.getViewName().startsWith("redirect:")) {
            String token = UUID.randomUUID().toString();
            synchronized (WebUtils.getSessionMutex(request.getSession())) {
                issued(request.getSession()).put(token, new CountDownLatch(2));
            }
            page.addObject(PARAMETER, token);
        }
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (request.getAttribute(ISSUED) instanceof CountDownLatch taken) {
            taken.countDown(); // done: a second sending of the form may go back to the page now
        }
    }

    private static boolean allowed(Object handler) {
        PreAuthorize rule = handler instanceof HandlerMethod method
                ? AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class) : null;
        return rule == null || Rights.allows(rule.value(), SecurityContextHolder.getContext().getAuthentication());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, CountDownLatch> issued(HttpSession session) {
        Map<String, CountDownLatch> issued = (Map<String, CountDownLatch>) session.getAttribute(ISSUED);
        if (issued == null) {
            issued = new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, CountDownLatch> eldest) {
                    return size() > OPEN_PAGES;
                }
            };
            session.setAttribute(ISSUED, issued);
        }
        return issued;
    }
}
