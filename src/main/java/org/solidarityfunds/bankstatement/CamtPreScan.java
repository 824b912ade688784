package org.solidarityfunds.bankstatement;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One streaming pass over a camt.053 file before the library reads it.
 *
 * <p>Why: pw-iso20022 answers null, without a line, to a file it cannot read (malformed, with a
 * DOCTYPE, of an unknown version), and reads a version with another version's model without a
 * word. This pass, on the JDK's own StAX parser with DTDs and external entities off, refuses what
 * must never reach it (a DOCTYPE, so no entity expansion or external entity at all; a nesting or
 * a size no statement has), says which line is at fault when the XML is broken, decides the
 * version from the {@code Document}'s namespace, and notes where each statement, balance and
 * entry starts, which the object model has forgotten, so that the mapping can name the line of a
 * problem.
 */
final class CamtPreScan {

    static final int DEPTH_MAX = 32;
    /** Far more than {@link BankFile#LINES_MAX} entries with their details need (about 40 elements each). */
    static final int ELEMENTS_MAX = 4_000_000;

    private static final Pattern CAMT_053 = Pattern.compile("urn:iso:std:iso:20022:tech:xsd:(camt\\.053\\.001\\.(\\d\\d))");
    private static final Pattern ANY_ISO = Pattern.compile("urn:iso:std:iso:20022:tech:xsd:(.+)");

    /** Where a statement's parts start in the file, in the file's order. */
    record StatementLines(int line, List<Integer> balances, List<Integer> entries) {
    }

    /**
     * @param version    e.g. {@code camt.053.001.08}
     * @param number     its last two digits, e.g. {@code 08}
     * @param xml        the file as text, in the encoding it declares
     */
    record Result(String version, String number, String xml, List<StatementLines> statements) {
    }

    private CamtPreScan() {
    }

    static Result scan(byte[] file, List<String> supported) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(file));
            return scan(reader, file, supported);
        } catch (XMLStreamException e) {
            throw new BankFileRefused(line(e.getLocation()), "the file is not well-formed XML: " + plain(e));
        } finally {
            close(reader);
        }
    }

    private static Result scan(XMLStreamReader reader, byte[] file, List<String> supported) throws XMLStreamException {
        int depth = 0;
        int elements = 0;
        int documentDepth = -1;
        String version = null;
        String number = null;
        int entries = 0;
        List<StatementLines> statements = new ArrayList<>();
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                throw new BankFileRefused(line(reader), "the file declares a document type (DOCTYPE), which a bank statement never does");
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            depth++;
            if (depth > DEPTH_MAX) {
                throw new BankFileRefused(line(reader), "the XML is nested more than " + DEPTH_MAX + " elements deep");
            }
            if (++elements > ELEMENTS_MAX) {
                throw new BankFileRefused(line(reader), "the file has more than " + ELEMENTS_MAX + " XML elements");
            }
            String name = reader.getLocalName();
            if (documentDepth < 0 && name.equals("Document")) {
                documentDepth = depth;
                String namespace = reader.getNamespaceURI();
                Matcher camt = CAMT_053.matcher(namespace == null ? "" : namespace);
                if (!camt.matches()) {
                    throw new BankFileRefused(line(reader), notCamt053(namespace, supported));
                }
                if (!supported.contains(camt.group(2))) {
                    throw new BankFileRefused(line(reader), "version " + camt.group(1) + " of camt.053 is not read here; versions read: 001."
                            + String.join(", 001.", supported));
                }
                version = camt.group(1);
                number = camt.group(2);
            } else if (documentDepth > 0 && depth == documentDepth + 2 && name.equals("Stmt")) {
                if (statements.size() == BankFile.STATEMENTS_MAX) {
                    throw new BankFileRefused(line(reader), "the file has more than " + BankFile.STATEMENTS_MAX + " statements");
                }
                statements.add(new StatementLines(line(reader), new ArrayList<>(), new ArrayList<>()));
            } else if (documentDepth > 0 && depth == documentDepth + 3 && !statements.isEmpty()) {
                List<Integer> lines = name.equals("Bal") ? statements.get(statements.size() - 1).balances()
                        : name.equals("Ntry") ? statements.get(statements.size() - 1).entries() : null;
                if (lines != null) {
                    if (name.equals("Ntry") && ++entries > BankFile.LINES_MAX) {
                        throw new BankFileRefused(line(reader), "the file has more than " + BankFile.LINES_MAX + " entries");
                    }
                    lines.add(line(reader));
                }
            }
            if (depth == documentDepth + 1 && !name.equals("BkToCstmrStmt")) {
                throw new BankFileRefused(line(reader), "the Document holds " + name + ", not a bank-to-customer statement (BkToCstmrStmt)");
            }
        }
        if (version == null) {
            throw new BankFileRefused(1, "the file has no ISO 20022 Document element: it is not a camt.053 bank statement");
        }
        return new Result(version, number, text(file, reader.getEncoding()), statements);
    }

    private static String notCamt053(String namespace, List<String> supported) {
        if (namespace == null || namespace.isEmpty()) {
            return "the Document has no namespace, so the file does not say it is a camt.053 bank statement";
        }
        Matcher iso = ANY_ISO.matcher(namespace);
        if (iso.matches()) {
            return "the file is an ISO 20022 " + iso.group(1) + " message, not a camt.053 bank statement";
        }
        return "the Document's namespace is " + namespace + ", not that of a camt.053 bank statement";
    }

    /** The bytes as text for the library, decoded as the parser read them; a byte order mark is not text. */
    private static String text(byte[] file, String encoding) {
        Charset charset;
        try {
            charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        } catch (java.nio.charset.IllegalCharsetNameException | java.nio.charset.UnsupportedCharsetException e) {
            throw new BankFileRefused(1, "the file declares an encoding this service does not read");
        }
        String text = new String(file, charset);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The parser's own sentence, without its position prefix (the line is given apart). */
    private static String plain(XMLStreamException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int at = message.indexOf("Message: ");
        String plain = (at >= 0 ? message.substring(at + "Message: ".length()) : message).trim();
        return plain.isEmpty() ? "it ends or breaks where XML does not allow" : plain;
    }

    private static int line(XMLStreamReader reader) {
        return line(reader.getLocation());
    }

    private static int line(Location location) {
        return location == null || location.getLineNumber() < 1 ? 1 : location.getLineNumber();
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing was held but the bytes in memory
            }
        }
    }
}
