package org.solidarityfunds.access;

/**
 * The access policy, in one place. Each endpoint names the roles it admits with
 * {@code @RolesAllowed}, using the groups below; {@link Caller#scope()} then narrows what a
 * partner sees to the funds of its token, and what a committee member sees to the funds
 * whose committee lists it; an object outside that scope answers 404 exactly as if it did not exist. An endpoint without an annotation is
 * denied (quarkus.security.jaxrs.deny-unannotated-endpoints).
 *
 * <table>
 * <tr><th>role</th><th>may</th><th>funds</th></tr>
 * <tr><td>finance</td><td>read everything; record pledges, contributions; request, pay and cancel disbursements</td><td>all</td></tr>
 * <tr><td>committee</td><td>read its funds, their balances, committees and disbursements; request disbursements and vote on them</td><td>its committees' funds</td></tr>
 * <tr><td>partner</td><td>read its funds, balances, journals, disbursements without votes; donors without personal data</td><td>token's {@code funds}</td></tr>
 * <tr><td>auditor</td><td>read everything, verify the ledger; never write</td><td>all</td></tr>
 * <tr><td>admin</td><td>create funds and donors, change a fund's status, set committees; read everything</td><td>all</td></tr>
 * </table>
 */
public final class Roles {

    public static final String FINANCE = "finance";
    public static final String COMMITTEE = "committee";
    public static final String PARTNER = "partner";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    /** The claim that lists the fund codes a partner may see. */
    public static final String FUNDS_CLAIM = "funds";

    private Roles() {
    }
}
