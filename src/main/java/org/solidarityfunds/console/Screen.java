package org.solidarityfunds.console;

import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.solidarityfunds.access.Caller;
import org.solidarityfunds.access.Roles;

/**
 * What every console page is rendered with: the reader's language and formats, who is signed
 * in and so which links the navigation shows. What a user may not do is not shown; the
 * services refuse it all the same.
 */
@RequestScoped
public class Screen {

    private final Caller caller;
    private final FormGuard forms;
    private final UriInfo uri;
    private final Language language;
    private final Formats formats;
    private final Labels.Words words;

    Screen(Caller caller, FormGuard forms, HttpHeaders headers, UriInfo uri, Labels labels) {
        this.caller = caller;
        this.forms = forms;
        this.uri = uri;
        Cookie chosen = headers.getCookies().get(Language.COOKIE);
        this.language = Language.choose(chosen == null ? null : chosen.getValue(),
                headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        this.formats = new Formats(language);
        this.words = labels.in(language);
    }

    /** The page in the reader's language, with this screen as {@code screen}. */
    public TemplateInstance render(TemplateInstance page) {
        return page.data("screen", this).setLocale(language.locale());
    }

    public Language language() {
        return language;
    }

    public String lang() {
        return language.code();
    }

    public Formats fmt() {
        return formats;
    }

    /** The words Java writes into a page's rows, in the reader's language. */
    public Labels.Words words() {
        return words;
    }

    /** The other language, offered by the switch. */
    public Language otherLanguage() {
        return language == Language.FR ? Language.EN : Language.FR;
    }

    /** The language switch's link: to the other language, and back to this page. */
    public String switchLanguage() {
        return LanguageSwitch.PATH + "?to=" + otherLanguage().code() + "&back="
                + URLEncoder.encode(here(), StandardCharsets.UTF_8);
    }

    /** The page's own path and query, where the language switch comes back to. */
    public String here() {
        String query = uri.getRequestUri().getRawQuery();
        return uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query);
    }

    /** The token each of the page's forms carries ({@link FormGuard}). */
    public String csrf() {
        return forms.token();
    }

    public boolean signedIn() {
        return caller.signedIn();
    }

    public String user() {
        return caller.name();
    }

    /**
     * Whether the reader may see a fund's pledges, contributions, journal and statement: the
     * roles the API admits to those reads, but for partners, who have no console.
     */
    public boolean readsTheBooks() {
        return finance() || auditor() || admin();
    }

    public boolean finance() {
        return caller.has(Roles.FINANCE);
    }

    public boolean committee() {
        return caller.has(Roles.COMMITTEE);
    }

    public boolean auditor() {
        return caller.has(Roles.AUDITOR);
    }

    public boolean admin() {
        return caller.has(Roles.ADMIN);
    }
}
