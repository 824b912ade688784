package org.solidarityfunds.problem;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body as it is read: at most {@code limit} bytes whatever its framing (a length, or
 * chunks), and, unless it is a file taken as bytes (a bank's statement, a supporting document),
 * strict UTF-8 (RFC 3629: no overlong form such as {@code C0 AF} for '/', no
 * encoded surrogate, nothing above U+10FFFF, no sequence cut short), so that no text is ever
 * stored other than what was sent. JSON parsers decode leniently; this refuses first.
 */
final class CheckedBodyStream extends FilterInputStream {

    /** The body went past its limit. */
    static final class TooLarge extends IOException {
        final long limit;

        TooLarge(long limit) {
            super("request body over " + limit + " bytes", null);
            this.limit = limit;
        }
    }

    /** The body is not UTF-8. */
    static final class NotUtf8 extends IOException {
        final long offset;

        NotUtf8(long offset) {
            super("request body not UTF-8 at byte " + offset, null);
            this.offset = offset;
        }
    }

    private final long limit;
    private final boolean text;
    private long count;
    /** Continuation bytes still expected, and the range allowed for the next one. */
    private int pending;
    private int nextLow = 0x80;
    private int nextHigh = 0xBF;

    /** @param text whether the body is text, and so must be UTF-8 */
    CheckedBodyStream(InputStream body, long limit, boolean text) {
        super(body);
        this.limit = limit;
        this.text = text;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            finish();
        } else {
            check(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            finish();
        }
        for (int i = 0; i < n; i++) {
            check(buffer[offset + i] & 0xFF);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // every byte must be seen to be checked
        long skipped = 0;
        while (skipped < n && read() >= 0) {
            skipped++;
        }
        return skipped;
    }

    private void check(int b) throws IOException {
        if (++count > limit) {
            throw new TooLarge(limit);
        }
        if (!text) {
            return;
        }
        if (pending > 0) {
            if (b < nextLow || b > nextHigh) {
                throw new NotUtf8(count - 1);
            }
            pending--;
            nextLow = 0x80;
            nextHigh = 0xBF;
            return;
        }
        if (b < 0x80) {
            return;
        }
        if (b >= 0xC2 && b <= 0xDF) {
            pending = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            pending = 2;
            if (b == 0xE0) {
                nextLow = 0xA0; // below is an overlong form
            } else if (b == 0xED) {
                nextHigh = 0x9F; // above are the surrogates
            }
        } else if (b >= 0xF0 && b <= 0xF4) {
            pending = 3;
            if (b == 0xF0) {
                nextLow = 0x90; // below is an overlong form
            } else if (b == 0xF4) {
                nextHigh = 0x8F; // above is past U+10FFFF
            }
        } else {
            throw new NotUtf8(count - 1);
        }
    }

    private void finish() throws IOException {
        if (pending > 0) {
            throw new NotUtf8(count);
        }
    }
}
