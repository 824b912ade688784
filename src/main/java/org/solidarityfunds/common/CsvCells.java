package org.solidarityfunds.common;

/**
 * A text cell of the CSV files the service writes (RFC 4180, comma-separated), safe to open in
 * a spreadsheet: a cell a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return) is prefixed with an apostrophe, and a cell with a comma, a quote or a line
 * break is quoted.
 */
public final class CsvCells {

    private CsvCells() {
    }

    public static String text(String text) {
        String cell = text;
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            cell = "'" + cell;
        }
        if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
            cell = '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
