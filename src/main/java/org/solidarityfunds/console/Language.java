package org.solidarityfunds.console;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The console's languages: French first, English available. The one a user chose (the
 * switch, kept in a cookie) wins over the browser's Accept-Language, which wins over French.
 */
public enum Language {

    FR("fr", Locale.FRANCE),
    EN("en", Locale.UK);

    /** The cookie that keeps the language a user chose with the switch. */
    public static final String COOKIE = "ledger-language";

    private final String code;
    private final Locale formats;

    Language(String code, Locale formats) {
        this.code = code;
        this.formats = formats;
    }

    /** The tag of the page's {@code lang} attribute and of the message bundle. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /** The locale amounts and dates are written in: 1 500,00 € in French, €1,500.00 in English. */
    public Locale formats() {
        return formats;
    }

    public static Optional<Language> of(String code) {
        return Arrays.stream(values()).filter(language -> language.code.equals(code)).findFirst();
    }

    /**
     * @param chosen the language cookie, if any
     * @param acceptLanguage the browser's header, if any; one that does not parse is ignored
     */
    public static Language choose(String chosen, String acceptLanguage) {
        Optional<Language> explicit = of(chosen);
        if (explicit.isPresent()) {
            return explicit.get();
        }
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return FR;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            List<String> codes = Arrays.stream(values()).map(Language::code).toList();
            String best = Locale.lookupTag(ranges, codes);
            return best == null ? FR : of(best).orElse(FR);
        } catch (IllegalArgumentException malformed) {
            return FR;
        }
    }
}
