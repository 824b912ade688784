package org.solidarityfunds.document;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The formats a supporting document (a council's deliberation, a committee's minutes, a funding
 * agreement, a bank's payment advice, a beneficiary's execution report) is accepted in, told by
 * the file's content alone, never by its name or the type its sender declared.
 *
 * <p>The first bytes decide what a file is, and the file must then be whole in that format:
 * a file that starts as a PDF is a PDF or nothing, even if HTML follows. Documents are served
 * back only as downloads (Content-Disposition: attachment, X-Content-Type-Options: nosniff), so
 * the risk is a wrong label, not a file's other readings; a label is never given that the first
 * bytes do not say. Recognition reads the names of a ZIP's files, never inflates one.
 */
public enum DocumentFormat {

    PDF("application/pdf", "pdf"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg"),
    ODT("application/vnd.oasis.opendocument.text", "odt"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");

    /** Limit: 10 MB (10,485,760 bytes); a larger file is refused before any of it is read. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    /** What an OpenDocument text's {@code mimetype} file holds (ODF 1.2, part 3, 3.3). */
    private static final String ODT_MIMETYPE = "application/vnd.oasis.opendocument.text";
    /** Limit: OpenDocument media types are under 60 characters; a longer "mimetype" file is not one, and is left unread. */
    private static final int MIMETYPE_MAX = 128;
    /** How far from either end readers look for a PDF's header and its "%%EOF" (PDF Reference 1.7, appendix H). */
    private static final int PDF_REACH = 1024;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final String ACCEPTED = "PDF, PNG, JPEG, OpenDocument text (.odt) or Word document (.docx)";

    private final String mediaType;
    private final String extension;

    DocumentFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The media type to serve it with: application/pdf. */
    public String mediaType() {
        return mediaType;
    }

    /** The file name's extension to serve it with, without the dot: pdf. */
    public String extension() {
        return extension;
    }

    /** The format of these bytes, or nothing when they are none of the accepted ones. */
    public static Optional<DocumentFormat> of(byte[] content) {
        return Optional.ofNullable(recognise(content).format());
    }

    /**
     * What a file is, or why it is refused: linear in its size, with no exception for any bytes.
     */
    public static Recognition recognise(byte[] content) {
        Objects.requireNonNull(content, "content");
        if (content.length == 0) {
            return Recognition.refused("The file is empty.");
        }
        if (content.length > MAX_BYTES) {
            return Recognition.refused("The file is larger than 10 MB (" + String.format(Locale.ROOT, "%,d", MAX_BYTES)
                    + " bytes), the most a supporting document may weigh.");
        }
        if (startsWith(content, "%PDF-")) {
            return pdf(content);
        }
        if (startsWith(content, PNG_SIGNATURE)) {
            return png(content);
        }
        if (startsWith(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return jpeg(content);
        }
        if (startsWith(content, "PK\u0003\u0004") || startsWith(content, "PK\u0005\u0006")) {
            return zip(content);
        }
        return Recognition.refused("The file is " + otherKind(content) + ", which is not accepted: a supporting"
                + " document must be a " + ACCEPTED + ".");
    }

    /**
     * A PDF: "%PDF-" and a version at the very first byte, as every writer puts it (ISO
     * 32000-1, 7.5.2); readers would look as far as byte 1024, but a file whose first bytes
     * are something else must not be labelled a PDF. And a "%%EOF" within the last 1024 bytes,
     * or the file is cut short.
     */
    private static Recognition pdf(byte[] content) {
        if (content.length < 8 || !isDigit(content[5]) || content[6] != '.' || !isDigit(content[7])) {
            return Recognition.refused("The file starts like a PDF but has no PDF version after its first bytes:"
                    + " it is damaged.");
        }
        if (indexOf(content, "%%EOF", Math.max(0, content.length - PDF_REACH), content.length) < 0) {
            return Recognition.refused("The file is a PDF that is cut short (its end is missing): the upload may have"
                    + " been interrupted, or the document saved incompletely.");
        }
        return Recognition.of(PDF);
    }

    /**
     * A PNG: its signature, the image header chunk first (PNG, 5.2 and 5.6), then chunks up to
     * the end chunk, each within the file, or it is cut short. Bytes after the end chunk are
     * left unread, as image readers leave them.
     */
    private static Recognition png(byte[] content) {
        String cutShort = "The file is a PNG image that is cut short (its end is missing): the upload may have been"
                + " interrupted.";
        int p = PNG_SIGNATURE.length;
        boolean first = true;
        while (true) {
            if (p + 8 > content.length) {
                return Recognition.refused(cutShort);
            }
            long length = u32(content, p);
            String type = new String(content, p + 4, 4, StandardCharsets.ISO_8859_1);
            if (first && (length != 13 || !type.equals("IHDR"))) {
                return Recognition.refused("The file starts like a PNG image but has no image header: it is damaged,"
                        + " or not an image.");
            }
            long next = p + 12L + length;
            if (next > content.length) {
                return Recognition.refused(cutShort);
            }
            if (type.equals("IEND")) {
                return Recognition.of(PNG);
            }
            p = (int) next;
            first = false;
        }
    }

    /**
     * A JPEG: its start marker, then marker segments by their lengths and scans up to the next
     * marker (ITU T.81, B.1), until an end marker after a frame and a scan, or it is cut short.
     * The end marker is found by walking the structure, not by looking at the last two bytes:
     * an embedded thumbnail has one of its own, and phones append data after the image's (a
     * motion photo's video, a maker's trailer), which readers skip, so bytes after it are left
     * unread rather than a phone's photo refused.
     */
    private static Recognition jpeg(byte[] content) {
        String cutShort = "The file is a JPEG image that is cut short (its end is missing): the upload may have been"
                + " interrupted.";
        String damaged = "The file starts like a JPEG image but its structure is not one: it is damaged, or not"
                + " an image.";
        int p = 2;
        boolean frame = false;
        boolean scan = false;
        while (true) {
            if (p >= content.length) {
                return Recognition.refused(cutShort);
            }
            if (content[p] != (byte) 0xFF) {
                return Recognition.refused(damaged);
            }
            while (p < content.length && content[p] == (byte) 0xFF) {
                p++; // fill bytes before a marker (T.81, B.1.1.2)
            }
            if (p >= content.length) {
                return Recognition.refused(cutShort);
            }
            int marker = content[p++] & 0xFF;
            if (marker == 0xD9) {
                return frame && scan ? Recognition.of(JPEG) : Recognition.refused(damaged);
            }
            if (marker >= 0xD0 && marker <= 0xD7) {
                continue; // restart markers stand alone
            }
            if (marker < 0xC0 || marker == 0xD8) {
                return Recognition.refused(damaged);
            }
            if (p + 2 > content.length) {
                return Recognition.refused(cutShort);
            }
            int length = (content[p] & 0xFF) << 8 | content[p + 1] & 0xFF;
            if (length < 2) {
                return Recognition.refused(damaged);
            }
            p += length;
            if (p > content.length) {
                return Recognition.refused(cutShort);
            }
            if (isFrameStart(marker)) {
                frame = true;
            } else if (marker == 0xDA) {
                if (!frame) {
                    return Recognition.refused(damaged);
                }
                scan = true;
                // The scan's coded data: an FF in it is followed by 00 (a stuffed byte), a restart marker or fill.
                while (p + 1 < content.length && !(content[p] == (byte) 0xFF && isMarkerAfterScan(content[p + 1]))) {
                    p++;
                }
                if (p + 1 >= content.length) {
                    return Recognition.refused(cutShort);
                }
            }
        }
    }

    /**
     * An OpenDocument text or a Word document, from the names of its files only.
     *
     * <p>OpenDocument (ODF 1.2, part 3, 3.3): the archive's first file is "mimetype", stored,
     * holding its media type exactly, and the text is in "content.xml". A first "mimetype" of
     * another media type says what the file is (a spreadsheet, an EPUB e-book), and it is that.
     *
     * <p>Word (ECMA-376, part 2: the Open Packaging Conventions, whose part names are compared
     * without regard to case): "[Content_Types].xml" and the main part "word/document.xml",
     * which is where Word and every other writer put it; no Excel ("xl/") or PowerPoint
     * ("ppt/") part, so that a file that is two things at once is neither; and no macros
     * ("word/vbaProject.bin", Word's name for them), which make it a .docm, of another media
     * type, that Word itself will not open under a .docx label.
     */
    private static Recognition zip(byte[] content) {
        ZipDirectory zip;
        try {
            zip = ZipDirectory.read(content);
        } catch (ZipDirectory.Unreadable e) {
            return Recognition.refused("The file is " + e.getMessage() + ".");
        }
        ZipDirectory.Entry first = zip.first().orElse(null);
        if (first == null) {
            return Recognition.refused("The file is a damaged ZIP archive (the list of its files does not match its"
                    + " content).");
        }
        if (first.name().equals("mimetype")) {
            return openDocument(zip, first);
        }
        boolean contentTypes = false;
        boolean wordDocument = false;
        String other = null;
        for (ZipDirectory.Entry entry : zip.entries()) {
            String name = entry.name().toLowerCase(Locale.ROOT);
            if (entry.name().equals("mimetype")) {
                return Recognition.refused("The file is a ZIP archive whose \"mimetype\" file is not its first, as an"
                        + " OpenDocument file's must be: it is damaged, or was re-packed by a tool that does not"
                        + " know the format.");
            }
            contentTypes |= name.equals("[content_types].xml");
            wordDocument |= name.equals("word/document.xml");
            if (name.startsWith("xl/")) {
                other = "an Excel workbook (.xlsx)";
            } else if (name.startsWith("ppt/")) {
                other = "a PowerPoint presentation (.pptx)";
            } else if (name.equals("word/vbaproject.bin") && other == null) {
                other = "a Word document with macros (.docm)";
            }
        }
        if (contentTypes && wordDocument && other == null) {
            return Recognition.of(DOCX);
        }
        if (contentTypes && other != null) {
            return Recognition.refused("The file is " + other + ", which is not accepted: a supporting document must"
                    + " be a " + ACCEPTED + ".");
        }
        return Recognition.refused("The file is a ZIP archive that is neither an OpenDocument text nor a Word"
                + " document, which is not accepted: a supporting document must be a " + ACCEPTED + ".");
    }

    private static Recognition openDocument(ZipDirectory zip, ZipDirectory.Entry mimetype) {
        if (mimetype.method() != ZipDirectory.STORED) {
            return Recognition.refused("The file is a ZIP archive whose \"mimetype\" file is compressed, which an"
                    + " OpenDocument file's never is: it is damaged, or was re-packed by a tool that does not know"
                    + " the format.");
        }
        Optional<byte[]> declared = zip.storedContent(mimetype, MIMETYPE_MAX);
        if (declared.isEmpty()) {
            return Recognition.refused("The file is a damaged ZIP archive (its \"mimetype\" file cannot be read).");
        }
        String type = new String(declared.get(), StandardCharsets.ISO_8859_1);
        if (type.equals(ODT_MIMETYPE)) {
            // Macros live in these folders of an OpenDocument file; a supporting document has none.
            if (zip.entries().stream().anyMatch(e -> e.name().startsWith("Basic/") || e.name().startsWith("Scripts/"))) {
                return Recognition.refused("The file is an OpenDocument text with macros, which is not accepted: a"
                        + " supporting document must be a " + ACCEPTED + " without macros.");
            }
            return zip.entries().stream().anyMatch(e -> e.name().equals("content.xml")) ? Recognition.of(ODT)
                    : Recognition.refused("The file is an OpenDocument text without its content (no"
                            + " \"content.xml\"): it is damaged.");
        }
        return Recognition.refused("The file is " + declaredKind(type) + ", which is not accepted: a supporting"
                + " document must be a " + ACCEPTED + ".");
    }

    /** What a ZIP with a first "mimetype" says it is, quoting the type only when it is a short printable one. */
    private static String declaredKind(String type) {
        return switch (type) {
            case "application/vnd.oasis.opendocument.spreadsheet" -> "an OpenDocument spreadsheet (.ods)";
            case "application/vnd.oasis.opendocument.presentation" -> "an OpenDocument presentation (.odp)";
            case "application/vnd.oasis.opendocument.graphics" -> "an OpenDocument drawing (.odg)";
            case "application/vnd.oasis.opendocument.text-template" -> "an OpenDocument text template (.ott)";
            case "application/epub+zip" -> "an e-book (EPUB)";
            default -> type.matches("[\\x21-\\x7e]{1,80}") ? "a ZIP archive that declares itself " + type
                    : "a ZIP archive that declares itself something unreadable";
        };
    }

    /**
     * What a file that is none of the accepted formats looks like, for the refusal to name it:
     * formats people are likely to upload instead, then markup, or just "none of them".
     */
    private static String otherKind(byte[] content) {
        if (startsWith(content, "GIF87a") || startsWith(content, "GIF89a")) {
            return "a GIF image";
        }
        if (startsWith(content, "II*\u0000") || startsWith(content, "MM\u0000*")) {
            return "a TIFF image";
        }
        if (content.length >= 12 && new String(content, 4, 4, StandardCharsets.ISO_8859_1).equals("ftyp")
                && new String(content, 8, 4, StandardCharsets.ISO_8859_1).matches("hei[cfsx]|mif1|msf1|hevc")) {
            return "a HEIC photo (as iPhones take them)";
        }
        if (startsWith(content, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1,
                0x1A, (byte) 0xE1})) {
            return "an older Office document (.doc, .xls, .ppt) or a password-protected one";
        }
        if (startsWith(content, "{\\rtf")) {
            return "a rich text document (.rtf)";
        }
        if (indexOf(content, "%PDF-", 0, Math.min(content.length, PDF_REACH)) > 0) {
            return "not a PDF from its first byte (something else comes before the PDF's header)";
        }
        int p = startsWith(content, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}) ? 3 : 0;
        while (p < content.length && (content[p] == ' ' || content[p] == '\t' || content[p] == '\r'
                || content[p] == '\n')) {
            p++;
        }
        if (p < content.length && content[p] == '<') {
            return "a web page, an SVG image or another XML document";
        }
        return "none of the accepted formats (its first bytes are those of none of them)";
    }

    /** SOF0 to SOF15 but DHT (C4), JPG (C8) and DAC (CC), which share the range (T.81, table B.1). */
    private static boolean isFrameStart(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static boolean isMarkerAfterScan(byte next) {
        int b = next & 0xFF;
        return b != 0x00 && b != 0xFF && (b < 0xD0 || b > 0xD7);
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean startsWith(byte[] content, String prefix) {
        return startsWith(content, prefix.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The first position where an ASCII {@code pattern} lies whole between {@code from} and {@code to}, or -1. */
    private static int indexOf(byte[] content, String pattern, int from, int to) {
        byte[] bytes = pattern.getBytes(StandardCharsets.US_ASCII);
        for (int p = from; p + bytes.length <= to; p++) {
            int i = 0;
            while (i < bytes.length && content[p + i] == bytes[i]) {
                i++;
            }
            if (i == bytes.length) {
                return p;
            }
        }
        return -1;
    }

    private static long u32(byte[] content, int p) {
        return (long) (content[p] & 0xFF) << 24 | (content[p + 1] & 0xFF) << 16 | (content[p + 2] & 0xFF) << 8
                | content[p + 3] & 0xFF;
    }

    /**
     * A file's format, or why it was refused: exactly one of the two. The reason is a sentence
     * for finance staff, naming what the file is when that can be told, never quoting it at length.
     */
    public record Recognition(DocumentFormat format, String refusal) {

        public Recognition {
            if ((format == null) == (refusal == null)) {
                throw new IllegalArgumentException("a recognition is a format or a refusal, one of the two");
            }
        }

        static Recognition of(DocumentFormat format) {
            return new Recognition(format, null);
        }

        static Recognition refused(String refusal) {
            return new Recognition(null, refusal);
        }

        public boolean accepted() {
            return format != null;
        }
    }
}
