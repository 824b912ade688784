package org.solidarityfunds.ledger;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * The tamper-evident chain: {@code hash = SHA-256(previous hash || canonical bytes)}.
 *
 * <p>The canonical bytes are the entry's fields, then each line's, in a fixed order, each
 * written as its text form in UTF-8 preceded by its byte length as a 4-byte big-endian
 * integer; an absent value is written as the length -1 and no bytes. Text forms: decimal
 * integers, ISO dates, timestamps as microseconds since the epoch, decimals without
 * trailing zeros. Anyone can recompute it with a few lines of any language; the layout is
 * documented in docs/concepts/ledger.md and must never change for existing entries (a new
 * layout would need a new version tag).
 */
public final class EntryHash {

    static final String LAYOUT_VERSION = "fund-ledger-entry-v1";

    private EntryHash() {
    }

    /** The fields of an entry that the hash covers. */
    public record Content(String id, String fundCode, long sequence, String kind, String memo,
            String effectiveDate, Instant recordedAt, String recordedBy, String reversesEntryId, List<LineContent> lines) {
    }

    public record LineContent(int lineNo, String account, String side, long amountMinor, String currency,
            Long originalAmountMinor, String originalCurrency, BigDecimal exchangeRate) {
    }

    public static byte[] compute(byte[] previousHash, Content entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + 128 * entry.lines().size());
        field(bytes, LAYOUT_VERSION);
        field(bytes, entry.id());
        field(bytes, entry.fundCode());
        field(bytes, Long.toString(entry.sequence()));
        field(bytes, entry.kind());
        field(bytes, entry.memo());
        field(bytes, entry.effectiveDate());
        field(bytes, Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, entry.recordedAt())));
        field(bytes, entry.recordedBy());
        field(bytes, entry.reversesEntryId());
        field(bytes, Integer.toString(entry.lines().size()));
        for (LineContent line : entry.lines()) {
            field(bytes, Integer.toString(line.lineNo()));
            field(bytes, line.account());
            field(bytes, line.side());
            field(bytes, Long.toString(line.amountMinor()));
            field(bytes, line.currency());
            field(bytes, line.originalAmountMinor() == null ? null : line.originalAmountMinor().toString());
            field(bytes, line.originalCurrency());
            field(bytes, line.exchangeRate() == null ? null : line.exchangeRate().stripTrailingZeros().toPlainString());
        }
        MessageDigest sha256 = sha256();
        sha256.update(previousHash);
        sha256.update(bytes.toByteArray());
        return sha256.digest();
    }

    public static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(utf8.length).array());
        out.writeBytes(utf8);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
