package org.solidarityfunds.ledger;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * The chain of a fund's supporting documents, beside its journal (ADR 0018): {@code hash =
 * SHA-256(previous hash || canonical bytes)}, written as {@link EntryHash} writes an entry's,
 * each field as its UTF-8 text preceded by its length. The canonical bytes are what the document
 * is, what it supports, the SHA-256 of its bytes, who attached it and when, and the fund's journal
 * head hash at that moment, which fixes the document's place in the fund's history. The layout
 * is documented in docs/concepts/ledger.md and never changes for documents already chained.
 */
public final class DocumentHash {

    static final String LAYOUT_VERSION = "fund-ledger-document-v1";

    private DocumentHash() {
    }

    /** The fields of a document that its hash covers; never its bytes themselves, but their SHA-256. */
    public record Content(UUID id, String fundCode, long sequence, String aboutType, UUID aboutId, String kind,
            String fileName, String mediaType, int sizeBytes, byte[] sha256, Instant attachedAt, String attachedBy,
            byte[] ledgerHead) {

        public Content {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(aboutId, "aboutId");
            if (sha256 == null || sha256.length != 32 || ledgerHead == null || ledgerHead.length != 32) {
                throw new IllegalArgumentException("a document's SHA-256 and the ledger's head are 32 bytes");
            }
            sha256 = sha256.clone();
            ledgerHead = ledgerHead.clone();
        }
    }

    public static byte[] compute(byte[] previousHash, Content document) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        EntryHash.field(bytes, LAYOUT_VERSION);
        EntryHash.field(bytes, document.id().toString());
        EntryHash.field(bytes, document.fundCode());
        EntryHash.field(bytes, Long.toString(document.sequence()));
        EntryHash.field(bytes, document.aboutType());
        EntryHash.field(bytes, document.aboutId().toString());
        EntryHash.field(bytes, document.kind());
        EntryHash.field(bytes, document.fileName());
        EntryHash.field(bytes, document.mediaType());
        EntryHash.field(bytes, Integer.toString(document.sizeBytes()));
        EntryHash.field(bytes, EntryHash.hex(document.sha256()));
        EntryHash.field(bytes, Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, document.attachedAt())));
        EntryHash.field(bytes, document.attachedBy());
        EntryHash.field(bytes, EntryHash.hex(document.ledgerHead()));
        MessageDigest sha256 = EntryHash.sha256();
        sha256.update(previousHash);
        sha256.update(bytes.toByteArray());
        return sha256.digest();
    }
}
