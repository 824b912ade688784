package org.solidarityfunds.bankstatement;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What makes a statement line one movement of the bank, whatever file brings it (the
 * exactly-once rule, docs/guides/bank-statements.md): the bank's own reference of the
 * movement when it gives one ({@code AcctSvcrRef}, unique per account by ISO 20022's
 * definition); otherwise its facts: booking date, direction, amount and everything the payer
 * and the bank wrote. Two lines with the same facts in one statement are told apart by their
 * rank among them: statements cover whole days, so an overlapping file brings the same day's
 * identical lines in the same number and gets the same keys.
 */
final class LineKeys {

    /** Limit: the stored key's length. */
    static final int KEY_LENGTH_MAX = 200;

    private LineKeys() {
    }

    /** The key of each line of a statement, in its order. */
    static List<String> of(List<BankFile.Line> lines) {
        List<String> keys = new ArrayList<>(lines.size());
        Map<String, Integer> seen = new HashMap<>();
        for (BankFile.Line line : lines) {
            if (line.bankReference() != null && !line.bankReference().isBlank()) {
                String key = "ref:" + line.bankReference().strip();
                keys.add(key.length() > KEY_LENGTH_MAX ? "ref-sha256:" + sha256(key) : key);
                continue;
            }
            String facts = sha256(String.join("\u001f", line.bookingDate().toString(), line.direction().name(),
                    Long.toString(line.amountMinor()), Boolean.toString(line.reversal()), text(line.entryReference()),
                    text(line.endToEndId()), text(line.counterpartyIban()), text(line.counterpartyName()),
                    text(line.remittance()), text(line.transactionCode())));
            int rank = seen.merge(facts, 1, Integer::sum);
            keys.add("facts:" + facts + ":" + rank);
        }
        return keys;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static String sha256(String text) {
        return BankFiles.sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
