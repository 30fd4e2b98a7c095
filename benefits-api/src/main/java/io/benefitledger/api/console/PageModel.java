package io.benefitledger.api.console;

import io.benefitledger.api.security.Caller;
import io.benefitledger.api.security.Rights;
import io.benefitledger.api.security.SecurityConfiguration;
import io.benefitledger.api.web.UnicodeText;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.beans.PropertyEditorSupport;
import java.util.Map;

/**
 * What every page of the console shows besides its own content: who is signed in and which actions their roles
 * allow (the same expressions the endpoints' {@code @PreAuthorize} decide with, so a button is shown exactly when
 * pressing it would be allowed). Form text is read as the API reads a body's: trimmed, blank as absent, and only
 * valid Unicode without control characters.
 */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    @InitBinder
    void textOnly(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                String trimmed = text == null ? null : text.strip();
                if (trimmed != null) {
                    UnicodeText.refusal(trimmed).ifPresent(refusal -> {
                        throw new IllegalArgumentException(refusal);
                    });
                }
                setValue(trimmed == null || trimmed.isEmpty() ? null : trimmed);
            }
        });
    }

    @ModelAttribute("caller")
    Caller caller() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
                ? SecurityConfiguration.caller(token.getToken()) : null;
    }

    @ModelAttribute("may")
    Map<String, Boolean> may() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken)) {
            return Map.of();
        }
        return Map.of("act", Rights.allows(Rights.ACT_FOR_PARTNER, authentication),
                "readTabs", Rights.allows(Rights.READ_TABS, authentication),
                "assign", Rights.allows(Rights.ASSIGN, authentication),
                "goToMarket", Rights.allows(Rights.GO_TO_MARKET, authentication),
                "audit", Rights.allows(Rights.AUDIT, authentication),
                "reports", Rights.allows(Rights.REPORTS, authentication));
    }
}
