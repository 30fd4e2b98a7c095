package io.benefitledger.api.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The console speaks the languages of the seed page, zh-TW and en-US: the browser's first of them
 * ({@code Accept-Language}), unless the user chose one with the switch, which a cookie remembers.
 */
@Controller
class Language {

    static final List<Locale> SPOKEN = List.of(Locale.forLanguageTag("en-US"), Locale.forLanguageTag("zh-TW"));
    private static final String COOKIE = "ledger-language";

    private final LocaleResolver languages;

    Language(LocaleResolver languages) {
        this.languages = languages;
    }

    /** Replaces Spring Boot's Accept-Language resolver (named so), for the API's messages too: the header still decides. */
    @Bean
    static LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(HttpServletRequest::getLocale);
        return resolver;
    }

    @PostMapping("/console/language")
    String choose(@RequestParam String lang, @RequestParam(required = false) String back,
                  HttpServletRequest request, HttpServletResponse response) {
        Locale chosen = Locale.forLanguageTag(lang);
        if (!SPOKEN.contains(chosen)) {
            throw new IllegalArgumentException("lang: the console speaks " + SPOKEN.stream().map(Locale::toLanguageTag).toList());
        }
        languages.setLocale(request, response, chosen);
        // only back to a page of this console: never a redirect to another site
        return "redirect:" + (back != null && back.matches("/console(/[A-Za-z0-9._:@/-]*)?") && !back.contains("//") ? back : "/console");
    }
}
