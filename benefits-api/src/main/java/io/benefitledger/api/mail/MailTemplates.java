package io.benefitledger.api.mail;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders a mail in its recipient's language: a plain-text and an HTML layout ({@code templates/mail/mail.txt},
 * {@code mail.html}) around the mail's paragraphs, each from the message bundle {@code templates/mail/messages}
 * (en-US, the fallback, and zh-TW). The engine is this class's own, never a bean: the web pages' Thymeleaf views keep
 * Spring Boot's default engine and resolver, and no mail template can be served as a page.
 */
@Component
class MailTemplates {

    /** The language every mail falls back to, and the one of the default bundle. */
    static final Locale FALLBACK = Locale.forLanguageTag("en-US");
    private static final String BUNDLE = "templates/mail/messages";

    record Rendered(String language, String subject, String text, String html) {
    }

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    MailTemplates() {
        messages.setBasename(BUNDLE);
        messages.setDefaultEncoding("UTF-8");
        // en-US is the default bundle; the machine's locale must never choose a mail's language
        messages.setFallbackToSystemLocale(false);
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setCharacterEncoding("UTF-8");
        resolver.setTextTemplateModePatterns(Set.of("*.txt"));
        resolver.setHtmlTemplateModePatterns(Set.of("*.html"));
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
    }

    /** The recipient's preferred language if the mails are written in it, else en-US. */
    static Locale language(String preferred) {
        if (preferred == null) {
            return FALLBACK;
        }
        Locale locale = Locale.forLanguageTag(preferred);
        boolean written = locale.equals(FALLBACK)
                || MailTemplates.class.getClassLoader().getResource(BUNDLE + "_" + locale + ".properties") != null;
        return written ? locale : FALLBACK;
    }

    /**
     * The mail's subject, text and HTML. {@code facts} fill the template's messages by name; {@code reasons} are
     * the codes of a refund rule's conditions that did not hold, each explained in the recipient's language.
     */
    Rendered render(MailTemplate template, Locale language, Map<String, String> facts, List<String> reasons) {
        Object[] arguments = template.facts().stream().map(facts::get).toArray();
        Context context = new Context(language);
        context.setVariable("paragraphs", template.paragraphKeys().stream()
                .map(key -> messages.getMessage(key, arguments, language)).toList());
        context.setVariable("reasons", reasons.stream()
                .map(reason -> messages.getMessage("reason." + reason, null, reason, language)).toList());
        return new Rendered(language.toLanguageTag(), messages.getMessage(template.code() + ".subject", arguments, language),
                engine.process("mail.txt", context), engine.process("mail.html", context));
    }
}
