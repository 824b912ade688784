package org.solidarityfunds.bankstatement;

/**
 * A bank file of either format, told by its content, never by its name: XML is camt.053;
 * a first record "01" of 120 characters is CFONB 120.
 */
final class BankFiles {

    private BankFiles() {
    }

    /** SHA-256 of these bytes, in lower-case hexadecimal: how a file (and a line's facts) is named. */
    static String sha256(byte[] bytes) {
        return org.solidarityfunds.common.Digests.sha256Hex(bytes);
    }

    static BankFile read(byte[] file) {
        int first = 0;
        // A byte order mark, or blank lines, before the content.
        if (file.length >= 3 && (file[0] & 0xff) == 0xef && (file[1] & 0xff) == 0xbb && (file[2] & 0xff) == 0xbf) {
            first = 3;
        }
        while (first < file.length && Character.isWhitespace(file[first])) {
            first++;
        }
        if (first == file.length) {
            throw new BankFileRefused(1, "The file is empty.");
        }
        // The readers get the file from its content on, as they would have had it without the mark or the blanks.
        byte[] content = first == 0 ? file : java.util.Arrays.copyOfRange(file, first, file.length);
        if (content[0] == '<') {
            return Camt053Reader.read(content);
        }
        if (content.length > 1 && content[0] == '0' && content[1] == '1') {
            return Cfonb120Reader.read(content);
        }
        throw new BankFileRefused(1, "The file is neither an ISO 20022 camt.053 statement (XML) nor a CFONB 120 "
                + "statement (records of 120 characters, the first an 01).");
    }
}
