package org.solidarityfunds.document;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.solidarityfunds.access.Caller;
import org.solidarityfunds.access.FundScope;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.common.Digests;
import org.solidarityfunds.common.Text;
import org.solidarityfunds.disbursement.DisbursementService;
import org.solidarityfunds.disbursement.DisbursementStatus;
import org.solidarityfunds.disbursement.DisbursementView;
import org.solidarityfunds.fund.FundService;
import org.solidarityfunds.fund.FundService.FundRef;
import org.solidarityfunds.idempotency.Answer;
import org.solidarityfunds.idempotency.Idempotency;
import org.solidarityfunds.idempotency.Result;
import org.solidarityfunds.ledger.DocumentHash;
import org.solidarityfunds.ledger.FundLock;
import org.solidarityfunds.ledger.LedgerService;
import org.solidarityfunds.pledge.PledgeService;
import org.solidarityfunds.pledge.PledgeView;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;

/**
 * Supporting documents (ADR 0018): a file recognised by its content, kept with the record it
 * supports, its SHA-256 chained in the fund's documents chain in the same transaction, under the
 * fund's lock; read back within the same fund scopes as that record.
 */
@ApplicationScoped
public class DocumentService {

    /** Limit: a document's name, as kept and given back in Content-Disposition. */
    public static final int FILE_NAME_LENGTH_MAX = 255;
    /** Limit: the documents one record lists (a pledge's deliberations, a disbursement's papers). */
    public static final int LISTED_MAX = 200;

    private final PledgeService pledges;
    private final DisbursementService disbursements;
    private final FundService funds;
    private final LedgerService ledger;
    private final Idempotency idempotency;
    private final Clock clock;

    DocumentService(PledgeService pledges, DisbursementService disbursements, FundService funds, LedgerService ledger,
            Idempotency idempotency, Clock clock) {
        this.pledges = pledges;
        this.disbursements = disbursements;
        this.funds = funds;
        this.ledger = ledger;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** What a retry must repeat: the same bytes (by their hash), kind, name and payment. */
    record Attach(String sha256, DocumentKind kind, String fileName, UUID paymentId) {
    }

    /** A document and its bytes, to be downloaded. */
    public record Download(DocumentView document, byte[] content) {
    }

    /** Refuses a name that is not a file's: text the service accepts, without a folder. */
    public static void checkFileName(String fileName) {
        if (fileName != null) {
            Text.refusal(fileName, FILE_NAME_LENGTH_MAX).ifPresent(refusal -> {
                throw ProblemException.invalid("fileName", refusal);
            });
            // A name goes back in a header (Content-Disposition): no line break, no tab, no folder.
            if (fileName.chars().anyMatch(Character::isISOControl)) {
                throw ProblemException.invalid("fileName", "is one line, without a tab or a control character");
            }
            if (fileName.contains("/") || fileName.contains("\\")) {
                throw ProblemException.invalid("fileName", "is a file's name, without a folder");
            }
        }
    }

    /** The command boundary of POST /pledges/{id}/documents and POST /disbursements/{id}/documents. */
    public Answer<DocumentView> attach(String subject, String key, String path, UUID recordId, boolean toPledge,
            DocumentKind kind, UUID paymentId, String fileName, byte[] content, FundScope scope) {
        checkFileName(fileName);
        if (kind.ofPledge() != toPledge) {
            throw ProblemException.invalid("kind", toPledge ? "is DELIBERATION for a pledge"
                    : "is one of PROJECT, FUNDING_AGREEMENT, MINUTES, PAYMENT_ADVICE, EXECUTION_REPORT for a disbursement");
        }
        if ((kind == DocumentKind.PAYMENT_ADVICE) != (paymentId != null)) {
            throw ProblemException.invalid("paymentId", kind == DocumentKind.PAYMENT_ADVICE
                    ? "names the payment the bank's advice is of" : "is only for a PAYMENT_ADVICE");
        }
        DocumentFormat.Recognition recognition = DocumentFormat.recognise(content);
        if (recognition.format() == null) {
            throw new ProblemException(ProblemType.DOCUMENT_FORMAT_NOT_ACCEPTED, recognition.refusal());
        }
        byte[] sha256 = Digests.sha256(content);
        Idempotency.Request request = Idempotency.Request.post(subject, key, path,
                new Attach(java.util.HexFormat.of().formatHex(sha256), kind, fileName, paymentId));
        return idempotency.run(request, () -> {
            Supported supported = toPledge ? pledge(recordId, scope) : disbursement(recordId, kind, paymentId, scope);
            DocumentFormat format = recognition.format();
            FundLock fund = ledger.lock(supported.fund().id());
            SupportingDocument document = new SupportingDocument();
            document.id = UUID.randomUUID();
            document.fundId = supported.fund().id();
            document.aboutType = kind.supports();
            document.aboutId = supported.aboutId();
            document.kind = kind;
            document.fileName = named(fileName, kind, format);
            document.mediaType = format.mediaType();
            document.sizeBytes = content.length;
            document.sha256 = sha256;
            document.content = content;
            document.attachedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            document.attachedBy = request.subject();
            LedgerService.Chained chained = ledger.chainDocument(fund, new DocumentHash.Content(document.id,
                    supported.fund().code(), 0, document.aboutType.name(), document.aboutId, kind.name(),
                    document.fileName, document.mediaType, document.sizeBytes, sha256, document.attachedAt,
                    document.attachedBy, new byte[32]));
            document.sequence = chained.sequence();
            document.ledgerHead = chained.ledgerHead();
            document.previousHash = chained.previousHash();
            document.hash = chained.hash();
            document.persist();
            return Result.created("api/v1/documents/" + document.id, DocumentView.of(document, supported.fund().code()));
        });
    }

    /**
     * The name a document is kept and given back under: the one sent, ending with its format's
     * extension. The content decides what a file is; its name must not say otherwise to the
     * reader's computer, which opens a download by its extension (a PDF named "avis.hta" would run).
     */
    static String named(String fileName, DocumentKind kind, DocumentFormat format) {
        String name = fileName == null || fileName.isBlank() ? kind.name().toLowerCase(java.util.Locale.ROOT)
                : fileName.strip();
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        boolean itsExtension = lower.endsWith("." + format.extension())
                || (format == DocumentFormat.JPEG && lower.endsWith(".jpeg"));
        if (itsExtension) {
            return name;
        }
        String extended = name + "." + format.extension();
        // Cut before the extension when the name would pass its limit.
        return extended.length() <= FILE_NAME_LENGTH_MAX ? extended
                : name.substring(0, FILE_NAME_LENGTH_MAX - format.extension().length() - 1) + "." + format.extension();
    }

    /** The record a document supports: its fund, and the id the document is kept under. */
    private record Supported(FundRef fund, UUID aboutId) {
    }

    private Supported pledge(UUID pledgeId, FundScope scope) {
        PledgeView pledge = pledges.get(pledgeId, scope);
        return new Supported(funds.require(pledge.fundCode(), scope), pledge.id());
    }

    /** A disbursement's document fits its state, or is refused with the problem saying why. */
    private Supported disbursement(UUID disbursementId, DocumentKind kind, UUID paymentId, FundScope scope) {
        DisbursementView disbursement = disbursements.get(disbursementId, scope, false);
        FundRef fund = funds.require(disbursement.fundCode(), scope);
        misfit(kind, disbursement, paymentId).ifPresent(why -> {
            throw new ProblemException(ProblemType.DOCUMENT_DOES_NOT_FIT, "A " + kind + " does not fit disbursement "
                    + disbursement.id() + " (" + disbursement.status() + "): " + why + ".");
        });
        return new Supported(fund, kind == DocumentKind.PAYMENT_ADVICE ? paymentId : disbursement.id());
    }

    /**
     * Why a document of this kind does not fit the disbursement as it stands, or nothing when it
     * does: the one home of the rule. The minutes once it is decided, a bank's advice of one of its
     * payments, an execution report once something was paid; its project or agreement at any time.
     */
    static java.util.Optional<String> misfit(DocumentKind kind, DisbursementView disbursement, UUID paymentId) {
        DisbursementStatus status = disbursement.status();
        return java.util.Optional.ofNullable(switch (kind) {
            case MINUTES -> disbursement.decision() == null ? "it has no decision yet" : null;
            case PAYMENT_ADVICE -> disbursement.payments() != null && disbursement.payments().stream()
                    .anyMatch(payment -> payment.id().equals(paymentId)) ? null
                    : "payment " + paymentId + " is not one of its payments";
            case EXECUTION_REPORT -> status == DisbursementStatus.PARTLY_PAID || status == DisbursementStatus.PAID
                    ? null : "nothing of it was paid";
            case PROJECT, FUNDING_AGREEMENT -> null;
            case DELIBERATION -> "a deliberation is a pledge's";
        });
    }

    /** The kinds of document the disbursement takes as it stands (a payment advice if it has a payment). */
    public static List<DocumentKind> fitting(DisbursementView disbursement) {
        UUID anyPayment = disbursement.payments() == null || disbursement.payments().isEmpty() ? null
                : disbursement.payments().get(0).id();
        return java.util.Arrays.stream(DocumentKind.values())
                .filter(kind -> misfit(kind, disbursement, anyPayment).isEmpty()).toList();
    }

    /** A pledge's documents, in the order attached. */
    @Transactional
    public List<DocumentView> ofPledge(UUID pledgeId, FundScope scope) {
        PledgeView pledge = pledges.get(pledgeId, scope);
        return listed(List.of(pledge.id()), pledge.fundCode());
    }

    /** A disbursement's documents (its request's, its decision's, its payments', after payment), in the order attached. */
    @Transactional
    public List<DocumentView> ofDisbursement(UUID disbursementId, FundScope scope) {
        DisbursementView disbursement = disbursements.get(disbursementId, scope, false);
        List<UUID> about = new ArrayList<>();
        about.add(disbursement.id());
        if (disbursement.payments() != null) {
            disbursement.payments().forEach(payment -> about.add(payment.id()));
        }
        return listed(about, disbursement.fundCode());
    }

    private static List<DocumentView> listed(List<UUID> about, String fundCode) {
        return SupportingDocument.<SupportingDocument>find("aboutId in ?1", Sort.by("sequence"), about)
                .page(0, LISTED_MAX).list().stream().map(d -> DocumentView.of(d, fundCode)).toList();
    }

    /** Whether the caller reads a pledge's documents: a committee member reads no pledge, nor its papers. */
    public static boolean readsPledges(Caller caller) {
        return caller.has(Roles.FINANCE) || caller.has(Roles.AUDITOR) || caller.has(Roles.ADMIN);
    }

    /**
     * A document with its bytes, in the caller's scope: an unknown one, one out of scope and a
     * pledge's for a caller who reads no pledge are alike, not found.
     */
    @Transactional
    public Download download(UUID id, FundScope scope, boolean readsPledges) {
        SupportingDocument document = SupportingDocument.findById(id);
        if (document != null && document.aboutType == DocumentKind.Supports.PLEDGE && !readsPledges) {
            document = null;
        }
        FundService.Scoped<SupportingDocument> found = funds.inScope(document, d -> d.fundId, scope,
                () -> new ProblemException(ProblemType.DOCUMENT_NOT_FOUND, "No document has the id " + id + "."));
        return new Download(DocumentView.of(found.record(), found.fundCode()), found.record().content);
    }

}
