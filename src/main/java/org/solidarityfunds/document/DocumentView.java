package org.solidarityfunds.document;

import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SupportingDocument", description = "A supporting document, as kept: download it at its href.")
public record DocumentView(
        @Schema(required = true) UUID id,
        @Schema(required = true, example = "LIBAN-2020") String fundCode,
        @Schema(required = true, description = "What it is; it says what it supports.") DocumentKind kind,
        @Schema(required = true, description = "The record it is kept with.") DocumentKind.Supports supports,
        @Schema(required = true, description = "That record's id: the pledge, the disbursement (for its request, "
                + "its decision or after payment) or the payment.") UUID supportsId,
        @Schema(required = true, example = "deliberation-2020-57.pdf") String fileName,
        @Schema(required = true, description = "Told by the file's content, never by its name.",
                example = "application/pdf") String mediaType,
        @Schema(required = true, example = "183422") int sizeBytes,
        @Schema(required = true, description = "Hex SHA-256 of its bytes, computed on arrival; the verification "
                + "recomputes it.") String sha256,
        @Schema(required = true, description = "Its place in the fund's documents chain, 1 for the first.")
        long sequence,
        @Schema(required = true, description = "Hex SHA-256 of its chain link (ADR 0018).") String hash,
        @Schema(required = true) Instant attachedAt,
        @Schema(required = true) String attachedBy,
        @Schema(required = true, description = "Where to download it: always as an attachment.",
                example = "/api/v1/documents/3f1d6c2a-9b0e-4c8d-a1f2-5e6b7c8d9e0f") String href) {

    static DocumentView of(SupportingDocument d, String fundCode) {
        return new DocumentView(d.id, fundCode, d.kind, d.aboutType, d.aboutId, d.fileName, d.mediaType, d.sizeBytes,
                HexFormat.of().formatHex(d.sha256), d.sequence, HexFormat.of().formatHex(d.hash), d.attachedAt,
                d.attachedBy, "/api/v1/documents/" + d.id);
    }
}
