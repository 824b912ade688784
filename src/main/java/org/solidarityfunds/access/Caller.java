package org.solidarityfunds.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is making the current request, from its verified bearer token: the subject recorded
 * on every entry and change, its roles and the funds it may see.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final CommitteeSeats seats;
    private FundScope scope;

    Caller(SecurityIdentity identity, JsonWebToken token, CommitteeSeats seats) {
        this.identity = identity;
        this.token = token;
        this.seats = seats;
    }

    /**
     * The token's subject ({@code sub}), as recorded in {@code recordedBy} and {@code createdBy}:
     * always there, and storable, since {@link TokenClaims} refuses a token without one.
     */
    public String subject() {
        return token.getSubject();
    }

    /**
     * Finance staff, auditors and administrators see every fund. A partner sees the funds its
     * token lists; a committee member, the funds whose committee lists it.
     */
    public FundScope scope() {
        if (scope == null) {
            scope = readScope();
        }
        return scope;
    }

    /** The funds are read once per request: a page asks for them for every fund it shows. */
    private FundScope readScope() {
        if (seesEverything()) {
            return FundScope.all();
        }
        Set<String> funds = new HashSet<>();
        if (identity.hasRole(Roles.COMMITTEE)) {
            funds.addAll(seats.fundsOf(subject()));
        }
        if (identity.hasRole(Roles.PARTNER)) {
            funds.addAll(tokenFunds());
        }
        return FundScope.only(funds);
    }

    private Set<String> tokenFunds() {
        Set<String> funds = new HashSet<>();
        Object claim = token.getClaim(Roles.FUNDS_CLAIM);
        if (claim instanceof JsonArray codes) {
            codes.forEach(code -> {
                if (code instanceof JsonString text) {
                    funds.add(text.getString());
                }
            });
        } else if (claim instanceof Collection<?> codes) {
            codes.forEach(code -> funds.add(code.toString()));
        }
        return funds;
    }

    /** Whether the caller may see donors' personal data: a person's name, anyone's contact. */
    public boolean seesPersonalData() {
        return seesEverything();
    }

    /** Whether the caller may see how each committee member voted; partners see the decisions only. */
    public boolean seesVotes() {
        return seesEverything() || identity.hasRole(Roles.COMMITTEE);
    }

    /**
     * The caller's name as a person reads it: the provider's user name for a console user
     * ({@code preferred_username}, or {@code upn}), else the subject.
     */
    public String name() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    /** Whether the request carries a verified identity (a page that shows who is signed in needs to know). */
    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    /** Whether the caller holds this role (one of {@link Roles}). */
    public boolean has(String role) {
        return identity.hasRole(role);
    }

    private boolean seesEverything() {
        return identity.hasRole(Roles.FINANCE) || identity.hasRole(Roles.AUDITOR) || identity.hasRole(Roles.ADMIN);
    }
}
