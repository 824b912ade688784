package org.solidarityfunds.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntryHashTest {

    private static final EntryHash.Content ENTRY = new EntryHash.Content("0b7e9e1c-5d0a-4c43-9a57-2f0d6c1f4a10",
            "LIBAN-2020", 1, "CONTRIBUTION_RECEIVED", "Virement de la Ville de Lyon — délibération 2020-145",
            "2020-08-20", Instant.parse("2020-08-20T10:00:00.123456Z"), "finance@lyon", null, List.of(
                    new EntryHash.LineContent(1, "BANK", "D", 150000, "EUR", null, null, null),
                    new EntryHash.LineContent(2, "AVAILABLE", "C", 150000, "EUR", 163500L, "USD",
                            new BigDecimal("0.917431192660"))));

    /**
     * The layout must never change for entries already written. The expected hash was
     * computed by an independent implementation (Python's hashlib and struct, following
     * docs/concepts/ledger.md), not by this code.
     */
    @Test
    void the_canonical_layout_gives_the_documented_hash() {
        assertThat(EntryHash.hex(EntryHash.compute(FundLedger.GENESIS_HASH, ENTRY)))
                .isEqualTo("d4641a46ac80749faaec71d689df79a1b3d19176f19b9efb531f4b94480865fd");
    }

    @Test
    void every_field_and_the_previous_hash_change_the_hash() {
        String original = EntryHash.hex(EntryHash.compute(FundLedger.GENESIS_HASH, ENTRY));
        byte[] otherPrevious = new byte[32];
        otherPrevious[31] = 1;
        assertThat(EntryHash.hex(EntryHash.compute(otherPrevious, ENTRY))).isNotEqualTo(original);
        EntryHash.Content oneCentMore = new EntryHash.Content(ENTRY.id(), ENTRY.fundCode(), ENTRY.sequence(),
                ENTRY.kind(), ENTRY.memo(), ENTRY.effectiveDate(), ENTRY.recordedAt(), ENTRY.recordedBy(), null,
                List.of(new EntryHash.LineContent(1, "BANK", "D", 150001, "EUR", null, null, null),
                        ENTRY.lines().get(1)));
        assertThat(EntryHash.hex(EntryHash.compute(FundLedger.GENESIS_HASH, oneCentMore))).isNotEqualTo(original);
        // The same characters, split differently between two fields: the length prefixes tell them apart.
        EntryHash.Content shiftedField = new EntryHash.Content(ENTRY.id(), ENTRY.fundCode(), ENTRY.sequence(),
                ENTRY.kind(), ENTRY.memo() + "2", "020-08-20", ENTRY.recordedAt(), ENTRY.recordedBy(), null,
                ENTRY.lines());
        assertThat(EntryHash.hex(EntryHash.compute(FundLedger.GENESIS_HASH, shiftedField))).isNotEqualTo(original);
    }

    @Test
    void a_rate_hashes_the_same_whatever_its_trailing_zeros() {
        EntryHash.Content padded = new EntryHash.Content(ENTRY.id(), ENTRY.fundCode(), ENTRY.sequence(), ENTRY.kind(),
                ENTRY.memo(), ENTRY.effectiveDate(), ENTRY.recordedAt(), ENTRY.recordedBy(), null, List.of(
                        ENTRY.lines().get(0),
                        new EntryHash.LineContent(2, "AVAILABLE", "C", 150000, "EUR", 163500L, "USD",
                                new BigDecimal("0.91743119266000"))));
        assertThat(EntryHash.compute(FundLedger.GENESIS_HASH, padded))
                .isEqualTo(EntryHash.compute(FundLedger.GENESIS_HASH, ENTRY));
    }
}
