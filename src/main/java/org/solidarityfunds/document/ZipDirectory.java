package org.solidarityfunds.document;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The files a ZIP archive lists in its central directory (PKWARE's APPNOTE.TXT, 4.3.12 to
 * 4.3.16): names, methods, sizes and where each one starts, read from the bytes without
 * inflating anything, so that an archive declaring gigabytes costs what its directory weighs.
 * java.util.zip is not used: ZipInputStream walks the local headers and inflates an entry to
 * skip it, and ZipFile wants a file on disk.
 *
 * <p>Every offset and length is checked against the bytes before it is followed, none is
 * trusted: an archive that is cut short, corrupt or hostile is refused with a reason, never
 * with an exception. Archives larger than 4 GB (ZIP64) and archives split into several files
 * cannot be documents of at most 10 MB; their directory does not read and they are refused.
 */
final class ZipDirectory {

    /** Limit: no document has more files; LibreOffice's and Word's have a few dozen. */
    static final int ENTRIES_MAX = 10_000;

    /** The method of a file kept as it is, not compressed (APPNOTE 4.4.5). */
    static final int STORED = 0;

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int LOCAL_HEADER_LENGTH = 30;
    private static final int CENTRAL_HEADER_LENGTH = 46;
    private static final int END_OF_DIRECTORY_LENGTH = 22;

    /** One file of the archive as the directory lists it; its name's bytes read as ISO-8859-1, one char a byte. */
    record Entry(String name, int method, long crc, long compressedSize, long size, int localHeaderOffset) {
    }

    /** Why an archive's directory could not be read, in words for finance staff. */
    static final class Unreadable extends Exception {

        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    private final byte[] zip;
    private final List<Entry> entries;
    /** Where the central directory starts: every file's header and data lie before it. */
    private final int directoryOffset;

    private ZipDirectory(byte[] zip, List<Entry> entries, int directoryOffset) {
        this.zip = zip;
        this.entries = entries;
        this.directoryOffset = directoryOffset;
    }

    /**
     * The directory of an archive that starts with its first file's header.
     *
     * @throws Unreadable when the bytes are not such an archive, cut short or corrupt, or list
     *                    more than {@link #ENTRIES_MAX} files or one name twice (whatever its case)
     */
    static ZipDirectory read(byte[] zip) throws Unreadable {
        int end = endOfDirectory(zip);
        int disk = u16(zip, end + 4);
        int directoryDisk = u16(zip, end + 6);
        int entriesHere = u16(zip, end + 8);
        int count = u16(zip, end + 10);
        long directorySize = u32(zip, end + 12);
        long directoryOffset = u32(zip, end + 16);
        if (disk != 0 || directoryDisk != 0 || entriesHere != count) {
            throw new Unreadable("a ZIP archive split into several files, which no document is");
        }
        if (count > ENTRIES_MAX) {
            throw new Unreadable("a ZIP archive of more than " + String.format(Locale.ROOT, "%,d", ENTRIES_MAX)
                    + " files, more than any document has");
        }
        if (count == 0) {
            throw new Unreadable("an empty ZIP archive");
        }
        if (directoryOffset + directorySize > end || !startsWith(zip, 0, LOCAL_HEADER)) {
            throw damaged();
        }
        List<Entry> entries = new ArrayList<>(count);
        Set<String> names = new HashSet<>();
        long p = directoryOffset;
        long directoryEnd = directoryOffset + directorySize;
        for (int i = 0; i < count; i++) {
            if (p + CENTRAL_HEADER_LENGTH > directoryEnd || !startsWith(zip, (int) p, CENTRAL_HEADER)) {
                throw damaged();
            }
            int at = (int) p;
            int nameLength = u16(zip, at + 28);
            long next = p + CENTRAL_HEADER_LENGTH + nameLength + u16(zip, at + 30) + u16(zip, at + 32);
            long localHeaderOffset = u32(zip, at + 42);
            // A file's header and its data come before the directory; an offset past it is a lie.
            if (next > directoryEnd || localHeaderOffset + LOCAL_HEADER_LENGTH > directoryOffset) {
                throw damaged();
            }
            String name = new String(zip, at + CENTRAL_HEADER_LENGTH, nameLength, StandardCharsets.ISO_8859_1);
            // Two files of one name: readers differ on which one counts, so the archive says two things.
            // Case is ignored, as Word ignores it in its part names, and as a Windows or macOS disk does.
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                throw new Unreadable("a ZIP archive that holds two files of the same name, which no document does");
            }
            entries.add(new Entry(name, u16(zip, at + 10), u32(zip, at + 16), u32(zip, at + 20), u32(zip, at + 24),
                    (int) localHeaderOffset));
            p = next;
        }
        if (p != directoryEnd) {
            throw damaged();
        }
        return new ZipDirectory(zip, List.copyOf(entries), (int) directoryOffset);
    }

    List<Entry> entries() {
        return entries;
    }

    /** The file whose header opens the archive, when the directory lists one there. */
    Optional<Entry> first() {
        return entries.stream().filter(e -> e.localHeaderOffset() == 0).findFirst();
    }

    /**
     * The bytes of a stored (not compressed) file of at most {@code sizeMax} bytes, read where
     * its own header says they are, when that header agrees with the directory on its name and
     * method and its bytes lie before the directory; nothing otherwise. Never inflates.
     */
    Optional<byte[]> storedContent(Entry entry, int sizeMax) {
        if (entry.method() != STORED || entry.size() != entry.compressedSize() || entry.size() > sizeMax) {
            return Optional.empty();
        }
        int at = entry.localHeaderOffset();
        if (!startsWith(zip, at, LOCAL_HEADER) || u16(zip, at + 8) != STORED) {
            return Optional.empty();
        }
        int nameLength = u16(zip, at + 26);
        long data = (long) at + LOCAL_HEADER_LENGTH + nameLength + u16(zip, at + 28);
        long dataEnd = data + entry.size();
        if (dataEnd > directoryOffset || !entry.name().equals(
                new String(zip, at + LOCAL_HEADER_LENGTH, nameLength, StandardCharsets.ISO_8859_1))) {
            return Optional.empty();
        }
        return Optional.of(Arrays.copyOfRange(zip, (int) data, (int) dataEnd));
    }

    /**
     * Where the end of central directory record starts: the last signature, within the 64 KB
     * a comment may take, whose comment ends exactly where the bytes do (a signature inside a
     * comment does not).
     */
    private static int endOfDirectory(byte[] zip) throws Unreadable {
        int lowest = Math.max(0, zip.length - END_OF_DIRECTORY_LENGTH - 0xFFFF);
        for (int p = zip.length - END_OF_DIRECTORY_LENGTH; p >= lowest; p--) {
            if (startsWith(zip, p, END_OF_DIRECTORY) && p + END_OF_DIRECTORY_LENGTH + u16(zip, p + 20) == zip.length) {
                return p;
            }
        }
        throw new Unreadable("a ZIP archive that is cut short or damaged (the list of its files at its end is"
                + " missing): the upload may have been interrupted");
    }

    private static Unreadable damaged() {
        return new Unreadable("a damaged ZIP archive (the list of its files does not match its content)");
    }

    /** Whether a little-endian signature is at {@code p}, false past the end. */
    private static boolean startsWith(byte[] zip, int p, int signature) {
        return p >= 0 && p + 4 <= zip.length && u32(zip, p) == (signature & 0xFFFFFFFFL);
    }

    /** Callers check {@code p + 2 <= zip.length}: every field is read within a header already bounded. */
    private static int u16(byte[] zip, int p) {
        return (zip[p] & 0xFF) | (zip[p + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] zip, int p) {
        return u16(zip, p) | (long) u16(zip, p + 2) << 16;
    }
}
