package org.solidarityfunds.problem;

import java.net.URI;
import java.util.Arrays;

/**
 * Every problem this service answers with. Each has an anchor in docs/reference/problems.md
 * (the slug), a fixed HTTP status and a fixed title; the detail says what happened this time.
 */
public enum ProblemType {
    MALFORMED_REQUEST("malformed-request", 400, "The request body is not valid JSON"),
    VALIDATION_FAILED("validation-failed", 400, "The request is not valid"),
    UNKNOWN_FIELD("unknown-field", 400, "The request has a field this operation does not accept"),
    INVALID_CURSOR("invalid-cursor", 400, "The pagination cursor is not valid"),
    IDEMPOTENCY_KEY_MISSING("idempotency-key-missing", 400, "This operation needs an Idempotency-Key header"),
    FORM_EXPIRED("form-expired", 400, "The console form is no longer valid"),
    UNAUTHENTICATED("unauthenticated", 401, "A valid bearer token is required"),
    FORBIDDEN("forbidden", 403, "Your role does not allow this"),
    NOT_A_COMMITTEE_MEMBER("not-a-committee-member", 403, "Only members holding a seat on the fund's committee vote"),
    REQUESTER_CANNOT_VOTE("requester-cannot-vote", 403, "The requester of a disbursement cannot vote on it"),
    CLOSING_NEEDS_A_SECOND_PERSON("closing-needs-a-second-person", 403,
            "A fiscal year's closing is confirmed by someone other than who asked for it"),
    RESOURCE_NOT_FOUND("resource-not-found", 404, "No such resource"),
    FUND_NOT_FOUND("fund-not-found", 404, "No such fund"),
    DONOR_NOT_FOUND("donor-not-found", 404, "No such donor"),
    ENTRY_NOT_FOUND("entry-not-found", 404, "No such journal entry"),
    PLEDGE_NOT_FOUND("pledge-not-found", 404, "No such pledge"),
    CONTRIBUTION_NOT_FOUND("contribution-not-found", 404, "No such contribution"),
    COMMITTEE_NOT_FOUND("committee-not-found", 404, "The fund has no committee yet"),
    DISBURSEMENT_NOT_FOUND("disbursement-not-found", 404, "No such disbursement"),
    DOCUMENT_NOT_FOUND("document-not-found", 404, "No such supporting document"),
    FISCAL_YEAR_NOT_FOUND("fiscal-year-not-found", 404, "No such fiscal year"),
    BANK_ACCOUNT_NOT_FOUND("bank-account-not-found", 404, "No such bank account"),
    BANK_STATEMENT_NOT_FOUND("bank-statement-not-found", 404, "No such bank statement"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "This resource does not support that method"),
    NOT_ACCEPTABLE("not-acceptable", 406, "This resource cannot answer in the requested media type"),
    FUND_CODE_TAKEN("fund-code-taken", 409, "A fund with this code already exists"),
    DONOR_SIREN_TAKEN("donor-siren-taken", 409, "A donor with this SIREN already exists"),
    BANK_ACCOUNT_IBAN_TAKEN("bank-account-iban-taken", 409, "A bank account with this IBAN is already registered"),
    FUND_HAS_A_BANK_ACCOUNT("fund-has-a-bank-account", 409, "The fund already has its own bank account"),
    BANK_LINE_ALREADY_HANDLED("bank-line-already-handled", 409, "The statement line has already been handled"),
    BANK_LINE_IS_A_DUPLICATE("bank-line-is-a-duplicate", 409,
            "The statement line was imported before: its first import is handled, not this one"),
    FUND_STATUS_TRANSITION_REFUSED("fund-status-transition-refused", 409, "The fund cannot move to that status"),
    FUND_CLOSED("fund-closed", 409, "The fund is closed"),
    FUND_CLOSED_TO_PLEDGES("fund-closed-to-pledges", 409, "The fund takes no new pledges"),
    PLEDGE_ALREADY_CANCELLED("pledge-already-cancelled", 409, "The pledge is already cancelled"),
    PLEDGE_FULFILLED("pledge-fulfilled", 409, "The pledge has been received in full"),
    ALLOCATION_EXCEEDS_OUTSTANDING("allocation-exceeds-outstanding", 409,
            "The allocation is more than the pledge still expects"),
    CONTRIBUTION_ALREADY_REVERSED("contribution-already-reversed", 409, "The contribution is already reversed"),
    FUND_HAS_NO_COMMITTEE("fund-has-no-committee", 409, "The fund has no committee to decide a disbursement"),
    VOTE_ALREADY_CAST("vote-already-cast", 409, "This member has already voted on this disbursement"),
    DISBURSEMENT_ALREADY_DECIDED("disbursement-already-decided", 409,
            "The disbursement is no longer open to votes"),
    DISBURSEMENT_EXCEEDS_AVAILABLE("disbursement-exceeds-available", 409,
            "The fund has not enough available money to commit this disbursement"),
    DISBURSEMENT_NOT_APPROVED("disbursement-not-approved", 409, "Only an approved disbursement can be paid"),
    DISBURSEMENT_ALREADY_PAID("disbursement-already-paid", 409, "The disbursement has been paid"),
    PAYMENT_EXCEEDS_COMMITMENT("payment-exceeds-commitment", 409,
            "The payment would settle more than is left of the disbursement's commitment"),
    DISBURSEMENT_PAYMENTS_LIMIT("disbursement-payments-limit", 409,
            "The disbursement has had as many payments as one may have"),
    DOCUMENT_DOES_NOT_FIT("document-does-not-fit", 409,
            "The document does not fit the disbursement as it stands"),
    DISBURSEMENT_NOT_PARTLY_PAID("disbursement-not-partly-paid", 409,
            "Only a partly paid disbursement has a remainder to release"),
    DISBURSEMENT_NOT_CANCELLABLE("disbursement-not-cancellable", 409,
            "Only a requested or approved disbursement can be cancelled"),
    BALANCE_WOULD_GO_NEGATIVE("balance-would-go-negative", 409,
            "The entry would take an account of the fund below zero"),
    FISCAL_YEAR_CLOSED("fiscal-year-closed", 409, "The entry's date falls in a fiscal year that is not open"),
    FISCAL_YEAR_NOT_OPEN("fiscal-year-not-open", 409, "The fiscal year's closing has already been asked for"),
    FISCAL_YEAR_NOT_ENDED("fiscal-year-not-ended", 409, "The fiscal year has not ended yet"),
    PREVIOUS_FISCAL_YEAR_NOT_CLOSED("previous-fiscal-year-not-closed", 409, "The fiscal year before it is not closed"),
    FISCAL_YEAR_NOT_CLOSING("fiscal-year-not-closing", 409, "The fiscal year is not waiting for its closing"),
    FISCAL_YEAR_NOT_CLOSED("fiscal-year-not-closed", 409, "The fiscal year is not closed yet"),
    BALANCE_BELOW_ZERO_ON_DAY("balance-below-zero-on-day", 409,
            "On that day an account of the fund stands below zero by the dates of its entries"),
    IDEMPOTENCY_KEY_IN_USE("idempotency-key-in-use", 409,
            "A request with this Idempotency-Key is still being processed"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "The operation does not take a body of this media type"),
    BANK_FILE_UNREADABLE("bank-file-unreadable", 422, "The file is not a bank statement this service reads"),
    BANK_ACCOUNT_NOT_REGISTERED("bank-account-not-registered", 422,
            "The statement is of an account that is not one of the organisation's"),
    DOCUMENT_FORMAT_NOT_ACCEPTED("document-format-not-accepted", 422,
            "The file is not a PDF, PNG, JPEG, OpenDocument text or Word document"),
    BANK_STATEMENT_DOES_NOT_ADD_UP("bank-statement-does-not-add-up", 422,
            "The statement's opening balance and lines do not make its closing balance"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "This Idempotency-Key was used for another request"),
    INTERNAL_ERROR("internal-error", 500, "Internal error"),
    SERVICE_UNAVAILABLE("service-unavailable", 503, "The service cannot answer right now");

    /**
     * Where every problem is documented: docs/reference/problems.md, which the service itself
     * serves at this path. A type is this relative reference plus its anchor, so it resolves
     * against whichever host answered (RFC 9457, section 3.1.1).
     */
    public static final String DOCUMENTATION_PATH = "/docs/reference/problems.md#";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI uri() {
        return URI.create(DOCUMENTATION_PATH + slug);
    }

    /** Whether this word names a problem. */
    public static boolean isSlug(String word) {
        return Arrays.stream(values()).anyMatch(type -> type.slug.equals(word));
    }
}
