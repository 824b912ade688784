package org.solidarityfunds.support;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads back the CSV files the service writes (statements, trial balance, fonds dédiés), apart
 * from their writer, as a spreadsheet would: UTF-8 after a byte order mark, records ended by
 * CR LF (the last one too), fields separated by commas (RFC 4180). A quoted field may hold
 * commas, line breaks and doubled quotes; a quote anywhere else, or a file that is not so, is
 * refused, since a spreadsheet would cut the row elsewhere than the writer meant.
 */
public final class TestCsv {

    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private TestCsv() {
    }

    /** The file's records, its header row first, each as its fields. */
    public static List<List<String>> records(byte[] file) {
        if (file.length < 3 || file[0] != BYTE_ORDER_MARK[0] || file[1] != BYTE_ORDER_MARK[1]
                || file[2] != BYTE_ORDER_MARK[2]) {
            throw new IllegalArgumentException("the CSV does not start with a UTF-8 byte order mark");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(file, 3, file.length - 3)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the CSV is not UTF-8", e);
        }
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c != '"') {
                    field.append(c);
                } else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    inQuotes = false;
                }
            } else if (c == '"') {
                if (!field.isEmpty() || quoted) {
                    throw new IllegalArgumentException(where(records, record) + "a quote in an unquoted field");
                }
                inQuotes = true;
                quoted = true;
            } else if (c == ',' || c == '\r') {
                record.add(field.toString());
                field.setLength(0);
                quoted = false;
                if (c == '\r') {
                    if (i + 1 == text.length() || text.charAt(i + 1) != '\n') {
                        throw new IllegalArgumentException(where(records, record) + "CR without LF");
                    }
                    i++;
                    records.add(record);
                    record = new ArrayList<>();
                }
            } else if (c == '\n') {
                throw new IllegalArgumentException(where(records, record) + "LF without CR");
            } else if (quoted) {
                throw new IllegalArgumentException(where(records, record) + "text after the closing quote");
            } else {
                field.append(c);
            }
        }
        if (inQuotes) {
            throw new IllegalArgumentException("a quote is not closed");
        }
        if (!record.isEmpty() || !field.isEmpty() || quoted) {
            throw new IllegalArgumentException("the last record does not end with CR LF");
        }
        return records;
    }

    private static String where(List<List<String>> records, List<String> record) {
        return "record " + (records.size() + 1) + ", field " + (record.size() + 1) + ": ";
    }
}
