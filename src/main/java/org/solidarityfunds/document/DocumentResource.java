package org.solidarityfunds.document;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.solidarityfunds.access.Caller;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.idempotency.Idempotency;
import org.solidarityfunds.openapi.OpenApiConventions;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;
import org.solidarityfunds.web.Commands;
import org.solidarityfunds.web.Ids;

/**
 * Supporting documents over HTTP: a file in, as its author wrote it, and out again only as a
 * download, never rendered from the service's origin.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Supporting documents")
public class DocumentResource {

    /** The media types a document may be sent as; the content decides what it is. */
    private static final String ODT = "application/vnd.oasis.opendocument.text";
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final DocumentService documents;
    private final Caller caller;

    DocumentResource(DocumentService documents, Caller caller) {
        this.documents = documents;
        this.caller = caller;
    }

    @POST
    @Path("pledges/{id}/documents")
    @RolesAllowed(Roles.FINANCE)
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "application/pdf", "image/png", "image/jpeg", ODT, DOCX})
    @Operation(operationId = "attachPledgeDocument", summary = "Attach the council's deliberation to a pledge",
            description = "The file as its author wrote it, at most 10 MiB: PDF, PNG, JPEG, OpenDocument text or "
                    + "Word, told by its content, never by its name or declared type. Its SHA-256 is chained in the "
                    + "fund's documents chain, which the ledger's verification walks (a changed byte is reported).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "201", description = "The document as kept",
            headers = @Header(name = "Location", ref = OpenApiConventions.LOCATION_HEADER),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "400", description = "idempotency-key-missing or validation-failed (kind, fileName, file)")
    @APIResponse(responseCode = "404", description = "pledge-not-found")
    @APIResponse(responseCode = "409", description = "idempotency-key-in-use")
    @APIResponse(responseCode = "413", description = "payload-too-large")
    @APIResponse(responseCode = "422", description = "document-format-not-accepted or idempotency-key-reused")
    public Response attachToPledge(@PathParam("id") String id, @HeaderParam(Idempotency.HEADER) String key,
            @Parameter(required = true, description = "What it is: DELIBERATION for a pledge.",
                    schema = @Schema(implementation = DocumentKind.class)) @QueryParam("kind") String kind,
            @Parameter(description = "The file's name, kept and given back when it is downloaded.",
                    schema = @Schema(maxLength = DocumentService.FILE_NAME_LENGTH_MAX)) @QueryParam("fileName") String fileName,
            byte[] file, UriInfo uri) {
        UUID pledge = Ids.require(id, ProblemType.PLEDGE_NOT_FOUND, "pledge");
        DocumentService.checkFileName(fileName);
        return Commands.response(documents.attach(caller.subject(), key, uri.getPath(), pledge, true, kindOf(kind), null,
                fileName, nonEmpty(file), caller.scope()), uri);
    }

    @POST
    @Path("disbursements/{id}/documents")
    @RolesAllowed({Roles.FINANCE, Roles.COMMITTEE})
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "application/pdf", "image/png", "image/jpeg", ODT, DOCX})
    @Operation(operationId = "attachDisbursementDocument", summary = "Attach a document to a disbursement",
            description = "The project or the funding agreement (its request), the committee's minutes (once "
                    + "decided), the bank's advice of one of its payments (paymentId), or the beneficiary's execution "
                    + "report (once paid, in part or whole). At most 10 MiB: PDF, PNG, JPEG, OpenDocument text or "
                    + "Word, told by its content. Its SHA-256 is chained in the fund's documents chain, which the "
                    + "ledger's verification walks.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "201", description = "The document as kept",
            headers = @Header(name = "Location", ref = OpenApiConventions.LOCATION_HEADER),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "400", description = "idempotency-key-missing or validation-failed (kind, paymentId, "
            + "fileName, file)")
    @APIResponse(responseCode = "404", description = "disbursement-not-found")
    @APIResponse(responseCode = "409", description = "document-does-not-fit or idempotency-key-in-use")
    @APIResponse(responseCode = "413", description = "payload-too-large")
    @APIResponse(responseCode = "422", description = "document-format-not-accepted or idempotency-key-reused")
    public Response attachToDisbursement(@PathParam("id") String id, @HeaderParam(Idempotency.HEADER) String key,
            @Parameter(required = true, description = "What it is: PROJECT, FUNDING_AGREEMENT, MINUTES, PAYMENT_ADVICE "
                    + "or EXECUTION_REPORT.", schema = @Schema(implementation = DocumentKind.class))
            @QueryParam("kind") String kind,
            @Parameter(description = "For a PAYMENT_ADVICE: the payment it is of.",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("paymentId") String paymentId,
            @Parameter(description = "The file's name, kept and given back when it is downloaded.",
                    schema = @Schema(maxLength = DocumentService.FILE_NAME_LENGTH_MAX)) @QueryParam("fileName") String fileName,
            byte[] file, UriInfo uri) {
        UUID disbursement = Ids.require(id, ProblemType.DISBURSEMENT_NOT_FOUND, "disbursement");
        DocumentService.checkFileName(fileName);
        UUID payment = paymentId == null ? null : Ids.parse(paymentId)
                .orElseThrow(() -> ProblemException.invalid("paymentId", "is a payment's id (a UUID)"));
        return Commands.response(documents.attach(caller.subject(), key, uri.getPath(), disbursement, false,
                kindOf(kind), payment, fileName, nonEmpty(file), caller.scope()), uri);
    }

    @GET
    @Path("pledges/{id}/documents")
    @RolesAllowed({Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listPledgeDocuments", summary = "A pledge's supporting documents",
            description = "In the order attached, at most 200.")
    @APIResponse(responseCode = "200", description = "The documents", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = DocumentView.class)))
    @APIResponse(responseCode = "404", description = "pledge-not-found")
    public List<DocumentView> ofPledge(@PathParam("id") String id) {
        return documents.ofPledge(Ids.require(id, ProblemType.PLEDGE_NOT_FOUND, "pledge"), caller.scope());
    }

    @GET
    @Path("disbursements/{id}/documents")
    @RolesAllowed({Roles.FINANCE, Roles.COMMITTEE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listDisbursementDocuments", summary = "A disbursement's supporting documents",
            description = "Its request's, its decision's, its payments' and those attached after payment, in the "
                    + "order attached, at most 200.")
    @APIResponse(responseCode = "200", description = "The documents", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = DocumentView.class)))
    @APIResponse(responseCode = "404", description = "disbursement-not-found")
    public List<DocumentView> ofDisbursement(@PathParam("id") String id) {
        return documents.ofDisbursement(Ids.require(id, ProblemType.DISBURSEMENT_NOT_FOUND, "disbursement"),
                caller.scope());
    }

    @GET
    @Path("documents/{id}")
    @RolesAllowed({Roles.FINANCE, Roles.COMMITTEE, Roles.AUDITOR, Roles.ADMIN})
    @Produces({"application/pdf", "image/png", "image/jpeg", ODT, DOCX, MediaType.APPLICATION_JSON})
    @Operation(operationId = "downloadDocument", summary = "Download a supporting document",
            description = "For finance, auditors, administrators, and committee members for a disbursement's "
                    + "documents. Its bytes as attached, with its media type, always as an attachment (never shown inline "
                    + "from the service's origin, and sandboxed if a browser tries), and its SHA-256 as Repr-Digest "
                    + "(RFC 9530).")
    @APIResponse(responseCode = "200", description = "The document's bytes",
            headers = {@Header(name = "Content-Disposition", description = "attachment, with the file's name",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 1000)),
                    @Header(name = "Repr-Digest", description = "sha-256 of the bytes, base64 (RFC 9530)",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 100))},
            content = {
                    @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = ODT, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = DOCX, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "document-not-found")
    public Response download(@PathParam("id") String id) {
        DocumentService.Download download = documents.download(Ids.require(id, ProblemType.DOCUMENT_NOT_FOUND,
                "document"), caller.scope(), DocumentService.readsPledges(caller));
        return Downloads.attachment(download);
    }

    private static DocumentKind kindOf(String kind) {
        if (kind == null) {
            throw ProblemException.invalid("kind", "is required: " + Arrays.toString(DocumentKind.values()));
        }
        try {
            return DocumentKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("kind", "is one of " + Arrays.toString(DocumentKind.values()));
        }
    }

    private static byte[] nonEmpty(byte[] file) {
        if (file == null || file.length == 0) {
            throw ProblemException.invalid("file", "is empty");
        }
        return file;
    }
}
