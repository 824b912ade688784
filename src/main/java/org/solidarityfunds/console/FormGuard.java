package org.solidarityfunds.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;

/**
 * Cross-site request forgery, refused by a double-submit token: every console form carries
 * the token its reader's browser also holds in an HttpOnly, SameSite=Strict cookie, and a
 * form whose token does not match is refused before anything is done. Another site can make
 * a browser post a form, but can neither read nor set that cookie. (quarkus-rest-csrf does
 * the same for the whole application, and would set a cookie on every API answer: ADR 0011.)
 */
@RequestScoped
public class FormGuard {

    public static final String COOKIE = "ledger-form";
    public static final String FIELD = "csrf";
    private static final int TOKEN_BYTES = 32;
    private static final int TOKEN_LENGTH = 43;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String held;
    private String issued;

    FormGuard(HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(COOKIE);
        this.held = cookie == null || cookie.getValue().length() != TOKEN_LENGTH ? null : cookie.getValue();
    }

    /** The token a rendered form carries: the browser's own, or a new one the answer sets. */
    public String token() {
        if (held != null) {
            return held;
        }
        if (issued == null) {
            byte[] bytes = new byte[TOKEN_BYTES];
            RANDOM.nextBytes(bytes);
            issued = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        return issued;
    }

    /** A token this answer must set in the browser's cookie; null when the browser holds one. */
    String issued() {
        return issued;
    }

    /** Refuses a form that does not carry the token its browser holds. */
    public void verify(String submitted) {
        if (held == null || submitted == null || !MessageDigest.isEqual(
                held.getBytes(StandardCharsets.US_ASCII), submitted.getBytes(StandardCharsets.US_ASCII))) {
            throw new ProblemException(ProblemType.FORM_EXPIRED,
                    "The form's token does not match this browser's: reload the page and send it again.");
        }
    }
}
