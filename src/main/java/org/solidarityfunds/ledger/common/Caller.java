package org.solidarityfunds.ledger.common;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who is making the current request, as recorded on every entry and change.
 *
 * <p>Authentication arrives with issue #3 (bearer tokens); until then every request is
 * recorded as {@value #UNAUTHENTICATED}, which says plainly that nobody was identified.
 */
@RequestScoped
public class Caller {

    public static final String UNAUTHENTICATED = "unauthenticated";

    public String subject() {
        return UNAUTHENTICATED;
    }
}
