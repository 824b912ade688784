package org.solidarityfunds.bankstatement;

/**
 * A file that cannot be read as a bank statement, with the line of the file at fault (1 when
 * the whole file is). Its message is for finance staff: what is wrong, in the file's own terms,
 * never a parser's class or stack.
 */
public class BankFileRefused extends RuntimeException {

    private final int line;

    public BankFileRefused(int line, String reason) {
        super(reason, null, false, false);
        this.line = line;
    }

    /** 1-based line of the file. */
    public int line() {
        return line;
    }
}
