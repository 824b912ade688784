package org.solidarityfunds.accounting;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.solidarityfunds.common.Clocks;
import org.solidarityfunds.donor.DonorKind;
import org.solidarityfunds.donor.DonorView;
import org.solidarityfunds.ledger.Account;
import org.solidarityfunds.ledger.EntryKind;
import org.solidarityfunds.ledger.Side;
import org.solidarityfunds.money.Money;

/**
 * The FEC (fichier des écritures comptables, LPF art. A47 A-1) of a closed year, as
 * docs/concepts/accounting.md describes it: the 18 zones, separated by a tab or a | (the
 * organisation's choice, kept by each closing), a header line, records ended by CR LF,
 * characters in ISO 8859-15, amounts in euros with a decimal comma. The year's entries in the
 * order of their numbering (its closing's): the opening balances, the journal's entries as they
 * were validated (recorded), the fonds dédiés. Written as the lines are read, so that its size
 * does not weigh on memory; the same year always gives the same bytes, since nothing of it
 * changes once closed and its accounts are read in the chart its closing kept, its zones
 * separated as its closing separated them.
 */
@ApplicationScoped
@Startup // a bad SIREN or separator stops the service at its start, not at a year's closing
public class FecFile {

    /** The FEC's amounts are in euros: the funds kept in another currency are not in it (docs/concepts/accounting.md). */
    static final String CURRENCY = "EUR";
    static final Charset CHARSET = Charset.forName("ISO-8859-15");
    private static final List<String> ZONES = List.of("JournalCode", "JournalLib", "EcritureNum", "EcritureDate",
            "CompteNum", "CompteLib", "CompAuxNum", "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit",
            "Credit", "EcritureLet", "DateLet", "ValidDate", "Montantdevise", "Idevise");

    /**
     * The zones' separator: the article allows a tab or a |. The organisation chooses one
     * ({@code ledger.accounting.fec.separator}); each closing keeps the one it wrote its FEC with
     * (year_end_closing.fec_separator), and every download writes that year's FEC again with it,
     * whatever is configured then: the same bytes as the SHA-256 the closing kept.
     */
    public enum Separator {
        TAB("tab", '\t', "tabulation"),
        PIPE("pipe", '|', "« | » (barre verticale)");

        /** Its name in the configuration and in year_end_closing. */
        final String code;
        final char character;
        /** How the file's written description (FecDescription) names it. */
        final String described;

        Separator(String code, char character, String described) {
            this.code = code;
            this.character = character;
            this.described = described;
        }

        static Optional<Separator> ofCode(String code) {
            return Arrays.stream(values()).filter(separator -> separator.code.equals(code)).findFirst();
        }

        /** The header line: the 18 zones' names, so separated. */
        String header() {
            return String.join(String.valueOf(character), ZONES);
        }
    }

    /** The journals (JournalCode, JournalLib): the opening balances, the bank's, the others. */
    enum Journal {
        AN("A-nouveaux"),
        BQ("Banque"),
        OD("Opérations diverses");

        final String label;

        Journal(String label) {
            this.label = label;
        }

        static Journal of(String yearEndKind, EntryKind event) {
            if ("OPENING".equals(yearEndKind)) {
                return AN;
            }
            if (event == null) {
                return OD;
            }
            // The bank's journal takes what moves the bank: money in, a payment out, its charges and its
            // exchange loss (an exchange gain moves a debt, not the bank).
            return switch (event) {
                case CONTRIBUTION_RECEIVED, DISBURSEMENT_PAID, BANK_CHARGES, EXCHANGE_LOSS -> BQ;
                default -> OD;
            };
        }
    }

    /**
     * The year's lines in the order of its numbering: the journal's entries (their event, a
     * reversal's being the reversed entry's; their donor; the reference of their document), and
     * the closing's own entries, already in the chart.
     */
    private static final String LINES = """
            SELECT n.number, NULL AS year_end_kind, coalesce(o.kind, e.kind), e.effective_date, e.recorded_at,
                   e.memo, f.fund_code, l.line_no, l.account, NULL AS general_account, l.side, l.amount_minor,
                   l.original_amount_minor, l.original_currency, d.kind, d.number, d.name,
                   coalesce(pp.reference, pd.reference, pc.reference,
                            CASE coalesce(o.kind, e.kind) WHEN 'DISBURSEMENT_COMMITTED' THEN dd.minutes_reference END,
                            c.bank_reference, p.deliberation_ref, f.fund_code || '-' || e.sequence)
              FROM fiscal_year_entry n
              JOIN journal_entry e ON e.id = n.entry_id
              JOIN fund_ledger f ON f.fund_id = e.fund_id
            """ + ChartLines.LINES_WITH_DONORS + """
              LEFT JOIN disbursement b ON ev.reference_type = 'disbursement' AND b.id = ev.reference_id
              LEFT JOIN disbursement_decision dd ON dd.disbursement_id = b.id
              LEFT JOIN disbursement_payment pp ON pp.payment_entry_id = e.id
              LEFT JOIN disbursement_payment pd ON pd.difference_entry_id = e.id
              LEFT JOIN disbursement_payment pc ON pc.charges_entry_id = e.id
             WHERE n.fiscal_year_id = ?
            UNION ALL
            SELECT n.number, y.kind, NULL, y.effective_date, y.recorded_at, NULL, f.fund_code, l.line_no, NULL,
                   l.account, l.side, l.amount_minor, NULL, NULL, d.kind, d.number, d.name,
                   f.fund_code || '-' || y.kind || '-' || y.effective_date
              FROM fiscal_year_entry n
              JOIN year_end_entry y ON y.id = n.year_end_entry_id
              JOIN fund_ledger f ON f.fund_id = y.fund_id
              JOIN year_end_line l ON l.entry_id = y.id
              LEFT JOIN donor d ON d.id = l.donor_id
             WHERE n.fiscal_year_id = ?
             ORDER BY 1, 8
            """;

    /** The year whose numbered entries the FEC lists. */
    public record Year(long id, String code) {
    }

    /** How many records were written, the header included. */
    record Written(long lines) {
    }

    private final Optional<String> siren;
    private final Separator separator;

    FecFile(@ConfigProperty(name = "ledger.accounting.siren") Optional<String> siren,
            @ConfigProperty(name = "ledger.accounting.fec.separator") String separator) {
        siren.ifPresent(number -> {
            if (!number.matches("[0-9]{9}")) {
                throw new IllegalArgumentException("ledger.accounting.siren is the association's SIREN: nine digits");
            }
        });
        this.siren = siren;
        this.separator = Separator.ofCode(separator).orElseThrow(() -> new IllegalArgumentException(
                "ledger.accounting.fec.separator is the FEC's zone separator: tab or pipe, not \"" + separator + "\""));
    }

    /** The separator a closing writes its year's FEC with: the one configured now. */
    Separator separator() {
        return separator;
    }

    /**
     * {SIREN}FEC{the year's last day}.txt (art. A47 A-1 IX); an association without a SIREN
     * writes ASSO in its place, as the accounting software for associations does.
     */
    String fileName(LocalDate lastDay) {
        return siren.orElse("ASSO") + "FEC" + day(lastDay) + ".txt";
    }

    /**
     * Writes the FEC of a numbered year, read on the connection given, in the chart and with the
     * separator given (its closing's, once the year is closed). The year's lines are sorted and
     * joined to their records in the database: the connection's transaction should have given its
     * sorts and hashes more memory first ({@link #givenMemory}).
     */
    Written write(Connection connection, Year year, Chart chart, Separator separator, OutputStream out) {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, CHARSET), 1 << 16);
        try (PreparedStatement query = connection.prepareStatement(LINES)) {
            query.setFetchSize(ChartLines.FETCH_SIZE);
            query.setLong(1, year.id());
            query.setLong(2, year.id());
            long records = 1;
            writer.write(separator.header());
            writer.write("\r\n");
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    writer.write(record(rs, chart, separator));
                    records++;
                }
            }
            writer.flush();
            return new Written(records);
        } catch (SQLException e) {
            throw new IllegalStateException("the FEC's lines could not be read", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Limit: the memory one sort or hash of the closing's and the FEC's queries may take, in their
     * transaction only: PostgreSQL's default 4 MB would make a year of a million entries spill to
     * disk many times over (docs/operating/performance.md).
     */
    static final String WORK_MEM = "64MB";

    static void givenMemory(Connection connection) throws SQLException {
        try (java.sql.Statement set = connection.createStatement()) {
            set.execute("SET LOCAL work_mem = '" + WORK_MEM + "'");
        }
    }

    private static String record(ResultSet rs, Chart chart, Separator separator) throws SQLException {
        String yearEndKind = rs.getString(2);
        String eventName = rs.getString(3);
        EntryKind event = eventName == null ? null : EntryKind.valueOf(eventName);
        String donorKind = rs.getString(15);
        long donorNumber = rs.getLong(16);
        boolean hasDonor = !rs.wasNull();
        String account = yearEndKind != null ? rs.getString(10) : chart.accountOf(Account.valueOf(rs.getString(9)),
                event, donorKind == null ? null : DonorKind.valueOf(donorKind));
        String fund = rs.getString(7);
        Journal journal = Journal.of(yearEndKind, event);
        LocalDate day = rs.getObject(4, LocalDate.class);
        LocalDate validated = rs.getObject(5, OffsetDateTime.class).atZoneSameInstant(Clocks.BUSINESS_ZONE).toLocalDate();
        String label = switch (yearEndKind == null ? "" : yearEndKind) {
            case "OPENING" -> "Report à nouveau " + fund;
            case "DEDICATED_FUNDS" -> "Fonds dédiés de l'exercice " + fund;
            default -> fund + " " + rs.getString(6);
        };
        boolean auxiliary = hasDonor && Chart.perDonor(account);
        long amount = rs.getLong(12);
        boolean debit = Side.ofCode(rs.getString(11)) == Side.DEBIT;
        long original = rs.getLong(13);
        boolean hasOriginal = !rs.wasNull();
        String originalCurrency = rs.getString(14);
        String date = day(day);
        String[] zones = {journal.name(), journal.label, Long.toString(rs.getLong(1)), date, account,
                chart.labelOf(account), auxiliary ? DonorView.auxiliaryAccountOf(donorNumber) : "",
                auxiliary ? rs.getString(17) : "", rs.getString(18), date, label,
                debit ? amount(amount, CURRENCY) : "0,00", debit ? "0,00" : amount(amount, CURRENCY), "", "",
                day(validated), hasOriginal ? amount(original, originalCurrency) : "",
                hasOriginal ? originalCurrency : ""};
        StringBuilder record = new StringBuilder(256);
        for (int i = 0; i < zones.length; i++) {
            if (i > 0) {
                record.append(separator.character);
            }
            record.append(text(zones[i]));
        }
        return record.append("\r\n").toString();
    }

    /** AAAAMMJJ (written by hand: a formatter costs more than the rest of a line). */
    static String day(LocalDate day) {
        return Integer.toString(day.getYear() * 10_000 + day.getMonthValue() * 100 + day.getDayOfMonth());
    }

    /** The decimals of each currency, as Money writes it. */
    private static final Map<String, Integer> SCALES = new java.util.concurrent.ConcurrentHashMap<>();

    /** An amount in a currency's decimals, with a comma and no grouping: 1234,50. */
    static String amount(long minor, String currency) {
        int scale = SCALES.computeIfAbsent(currency, code -> Money.of(0, code).toDecimal().scale());
        if (scale == 0) {
            return Long.toString(minor);
        }
        StringBuilder digits = new StringBuilder(Long.toString(minor));
        while (digits.length() <= scale) {
            digits.insert(0, '0');
        }
        return digits.insert(digits.length() - scale, ',').toString();
    }

    /** What ISO 8859-15 has no character for, as it reads closest in it. */
    private static final Map<Integer, String> NEAREST = Map.ofEntries(Map.entry(0x2018, "'"), Map.entry(0x2019, "'"),
            Map.entry(0x201A, "'"), Map.entry(0x2032, "'"), Map.entry(0x201C, "\""), Map.entry(0x201D, "\""),
            Map.entry(0x201E, "\""), Map.entry(0x2033, "\""), Map.entry(0x2010, "-"), Map.entry(0x2011, "-"),
            Map.entry(0x2012, "-"), Map.entry(0x2013, "-"), Map.entry(0x2014, "-"), Map.entry(0x2015, "-"),
            Map.entry(0x2212, "-"), Map.entry(0x2026, "..."), Map.entry(0x2022, "-"), Map.entry(0x2039, "<"),
            Map.entry(0x203A, ">"), Map.entry(0x2002, " "), Map.entry(0x2003, " "), Map.entry(0x2009, " "),
            Map.entry(0x202F, " "), Map.entry(0x2007, " "), Map.entry(0x00A0, " "), Map.entry(0x1E9E, "SS"),
            Map.entry(0x0110, "D"), Map.entry(0x0111, "d"), Map.entry(0x0141, "L"), Map.entry(0x0142, "l"),
            Map.entry(0x0131, "i"));

    /**
     * A zone's text as the FEC takes it: ISO 8859-15's own characters as they are; typographic
     * quotes, dashes and spaces as their plain forms; a letter with a mark the charset lacks as
     * the letter without it (ă → a, ễ → e; Đ, Ł and ı, which are not decompositions, as D, L and
     * i); anything else as ?. No tab, | or end of line inside a zone (the FEC has no quoting), no control
     * character, no space at either end.
     */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        if (plain(value)) {
            return value.strip();
        }
        // Composed first: an accent typed as a letter and a combining mark is the accented letter.
        String composed = Normalizer.normalize(value, Normalizer.Form.NFC);
        StringBuilder text = new StringBuilder(composed.length());
        composed.codePoints().forEach(c -> {
            if (Character.getType(c) == Character.NON_SPACING_MARK || Character.getType(c) == Character.ENCLOSING_MARK
                    || Character.getType(c) == Character.COMBINING_SPACING_MARK) {
                return; // a mark left over that no letter of the charset carries
            }
            if (c == '\t' || c == '|' || Character.isISOControl(c) || Character.isWhitespace(c)) {
                text.append(' ');
            } else if (NEAREST.containsKey(c)) {
                text.append(NEAREST.get(c));
            } else if (inLatin9(c)) {
                text.appendCodePoint(c);
            } else {
                String base = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFD)
                        .replaceAll("\\p{M}", "");
                text.append(!base.isEmpty() && base.codePoints().allMatch(FecFile::inLatin9) ? base : "?");
            }
        });
        return text.toString().strip();
    }

    /** Printable ASCII without a |: most zones, written as they are. */
    private static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '|') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether ISO 8859-15 has the character: Latin-1's but for eight places, where it has €, Š,
     * š, Ž, ž, Œ, œ and Ÿ instead of ¤ ¦ ¨ ´ ¸ ¼ ½ ¾ (tested against the JDK's encoder).
     */
    static boolean inLatin9(int c) {
        if (c < 0xA0) {
            return true;
        }
        if (c <= 0xFF) {
            return c != 0xA4 && c != 0xA6 && c != 0xA8 && c != 0xB4 && c != 0xB8 && c != 0xBC && c != 0xBD
                    && c != 0xBE;
        }
        return c == 0x20AC || c == 0x160 || c == 0x161 || c == 0x17D || c == 0x17E || c == 0x152 || c == 0x153
                || c == 0x178;
    }
}
