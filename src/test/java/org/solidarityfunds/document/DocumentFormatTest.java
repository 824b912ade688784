package org.solidarityfunds.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.common.Digests;
import org.solidarityfunds.document.DocumentFormat.Recognition;

/**
 * Supporting documents as tools write them: PDFs, OpenDocument and Word files that LibreOffice,
 * pandoc and Ghostscript wrote (src/test/resources/documents, README there), PNG, JPEG, GIF,
 * TIFF and BMP images that javax.imageio writes here, ZIP archives that java.util.zip writes
 * here; and every way a file is refused, each with a reason, none with an exception.
 */
class DocumentFormatTest {

    private static final String DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Test
    void each_accepted_format_as_a_tool_wrote_it_is_recognised() {
        assertThat(DocumentFormat.of(resource("committee-minutes_libreoffice.pdf"))).contains(DocumentFormat.PDF);
        assertThat(DocumentFormat.of(resource("payment-advice_ghostscript.pdf"))).contains(DocumentFormat.PDF);
        assertThat(DocumentFormat.of(image("png"))).contains(DocumentFormat.PNG);
        assertThat(DocumentFormat.of(image("jpeg"))).contains(DocumentFormat.JPEG);
        assertThat(DocumentFormat.of(progressiveJpeg())).as("a progressive JPEG: several scans").contains(DocumentFormat.JPEG);
        assertThat(DocumentFormat.of(resource("committee-minutes_libreoffice.odt"))).contains(DocumentFormat.ODT);
        assertThat(DocumentFormat.of(resource("execution-report_pandoc.odt"))).contains(DocumentFormat.ODT);
        assertThat(DocumentFormat.of(resource("committee-minutes_libreoffice.docx"))).contains(DocumentFormat.DOCX);
        assertThat(DocumentFormat.of(resource("execution-report_pandoc.docx"))).contains(DocumentFormat.DOCX);
    }

    @Test
    void each_format_has_its_media_type_and_extension() {
        assertThat(Arrays.stream(DocumentFormat.values()).map(f -> f.mediaType() + " ." + f.extension())).containsExactly(
                "application/pdf .pdf", "image/png .png", "image/jpeg .jpg", "application/vnd.oasis.opendocument.text .odt",
                DOCX_TYPE + " .docx");
    }

    @Test
    void a_pdf_cut_short_is_refused() {
        for (String name : List.of("committee-minutes_libreoffice.pdf", "payment-advice_ghostscript.pdf")) {
            byte[] pdf = resource(name);
            assertRefused(Arrays.copyOf(pdf, pdf.length / 2), "is a PDF that is cut short");
            assertRefused(Arrays.copyOf(pdf, pdf.length - "%%EOF\n".length()), "is a PDF that is cut short");
            // "%%EOF" further than 1024 bytes from the end: no reader looks that far for it.
            assertRefused(concat(pdf, new byte[1024 - "%%EOF\n".length() + 1]), "is a PDF that is cut short");
            assertThat(DocumentFormat.of(concat(pdf, new byte[1024 - "%%EOF\n".length()]))).contains(DocumentFormat.PDF);
        }
        assertRefused(ascii("%PDF-"), "has no PDF version");
    }

    /** Readers would find a header within the first 1024 bytes; we label a file by its first bytes only. */
    @Test
    void a_pdf_header_is_at_the_first_byte_or_it_is_no_pdf() {
        byte[] pdf = resource("committee-minutes_libreoffice.pdf");
        assertRefused(concat(ascii("\n"), pdf), "not a PDF from its first byte");
        assertRefused(concat(ascii("<html><body><script>alert(1)</script>\n"), pdf), "not a PDF from its first byte");
    }

    /** What the first bytes say is what the file is labelled: here a PDF, served as one, as an attachment. */
    @Test
    void a_file_that_starts_as_a_pdf_is_a_pdf_whatever_follows() {
        assertThat(DocumentFormat.of(ascii("%PDF-1.7\n<html><script>alert(1)</script></html>\n%%EOF\n")))
                .contains(DocumentFormat.PDF);
    }

    @Test
    void a_png_cut_short_or_without_its_header_is_refused_bytes_after_its_end_are_not_read() {
        byte[] png = image("png");
        assertRefused(Arrays.copyOf(png, png.length - 1), "is a PNG image that is cut short");
        assertRefused(Arrays.copyOf(png, 8), "is a PNG image that is cut short");
        assertRefused(Arrays.copyOf(png, png.length / 2), "is a PNG image that is cut short");
        assertRefused(concat(Arrays.copyOf(png, 8), ascii("<html></html>")), "has no image header");
        assertThat(DocumentFormat.of(concat(png, ascii("trailing")))).contains(DocumentFormat.PNG);
    }

    /**
     * A JPEG's end is found by walking its segments: the end marker of a thumbnail inside it does
     * not end the image, and what a phone appends after the image's end is left alone.
     */
    @Test
    void a_jpeg_cut_short_is_refused_bytes_after_its_end_are_not_read() {
        byte[] jpeg = image("jpeg");
        assertThat(jpeg[jpeg.length - 2] & 0xFF).isEqualTo(0xFF);
        assertThat(jpeg[jpeg.length - 1] & 0xFF).isEqualTo(0xD9);
        assertRefused(Arrays.copyOf(jpeg, jpeg.length - 2), "is a JPEG image that is cut short");
        assertRefused(Arrays.copyOf(jpeg, jpeg.length / 2), "is a JPEG image that is cut short");
        assertRefused(Arrays.copyOf(jpeg, 3), "is a JPEG image that is cut short");
        assertThat(DocumentFormat.of(concat(jpeg, ascii("a motion photo's video")))).contains(DocumentFormat.JPEG);

        // An APP1 segment holding an end marker (as an EXIF thumbnail does), then the image cut short.
        byte[] app1 = {(byte) 0xFF, (byte) 0xE1, 0, 6, (byte) 0xFF, (byte) 0xD9, (byte) 0xFF, (byte) 0xD9};
        byte[] withThumbnail = concat(Arrays.copyOf(jpeg, 2), app1, Arrays.copyOfRange(jpeg, 2, jpeg.length));
        assertThat(DocumentFormat.of(withThumbnail)).contains(DocumentFormat.JPEG);
        assertRefused(Arrays.copyOf(withThumbnail, withThumbnail.length / 2), "is a JPEG image that is cut short");

        assertRefused(concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, ascii("<html></html>")),
                "its structure is not one");
        assertRefused(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9}, "its structure is not one");
    }

    @Test
    void an_empty_file_is_refused() {
        assertRefused(new byte[0], "The file is empty.");
    }

    @Test
    void markup_and_text_are_refused_whatever_the_files_name() {
        assertRefused(ascii("<!DOCTYPE html>\n<html><body><p>Minutes</p></body></html>\n"), "a web page, an SVG image");
        assertRefused(ascii("\n  <svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
                "a web page, an SVG image");
        assertRefused(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                ascii("<?xml version=\"1.0\"?><minutes/>")), "a web page, an SVG image");
        // Named .pdf by whoever saved it: the name is not even an argument.
        assertRefused(resource("minutes-as-text.pdf"), "none of the accepted formats");
    }

    @Test
    void other_images_and_older_office_files_are_refused_by_name_of_what_they_are() {
        assertRefused(image("gif"), "The file is a GIF image, which is not accepted");
        assertRefused(image("tiff"), "The file is a TIFF image, which is not accepted");
        assertRefused(image("bmp"), "none of the accepted formats");
        assertRefused(resource("committee-minutes_libreoffice.doc"), "an older Office document (.doc");
        assertRefused(resource("committee-minutes_libreoffice.rtf"), "a rich text document (.rtf)");
        // The first box of an ISO base media file as an iPhone writes it (only the box: no tool here writes HEIC).
        assertRefused(concat(new byte[] {0, 0, 0, 24}, ascii("ftypheic\0\0\0\0mif1heic")), "a HEIC photo");
    }

    @Test
    void zip_archives_of_other_kinds_are_refused() {
        assertRefused(resource("execution-report_pandoc.epub"), "The file is an e-book (EPUB), which is not accepted");
        assertRefused(resource("budget_libreoffice.ods"), "The file is an OpenDocument spreadsheet (.ods)");
        assertRefused(resource("budget_libreoffice.xlsx"), "The file is an Excel workbook (.xlsx)");
        assertRefused(zip(Map.of("[Content_Types].xml", ascii("<Types/>"), "ppt/presentation.xml", ascii("<p/>"))),
                "The file is a PowerPoint presentation (.pptx)");
        assertRefused(zip(Map.of("minutes.txt", ascii("Minutes"))),
                "a ZIP archive that is neither an OpenDocument text nor a Word document");
        byte[] declaresOther = rezip(resource("committee-minutes_libreoffice.odt"),
                entries -> with(entries, "mimetype", ascii("application/x-minutes")));
        assertRefused(declaresOther, "a ZIP archive that declares itself application/x-minutes");
    }

    @Test
    void a_word_document_that_is_also_a_workbook_or_has_macros_is_refused() {
        byte[] docx = resource("committee-minutes_libreoffice.docx");
        assertRefused(rezip(docx, entries -> with(entries, "xl/workbook.xml", ascii("<workbook/>"))),
                "an Excel workbook (.xlsx)");
        assertRefused(rezip(docx, entries -> with(entries, "word/vbaProject.bin", new byte[] {1, 2, 3})),
                "a Word document with macros (.docm)");
        assertRefused(rezip(docx, entries -> without(entries, "word/document.xml")), "neither an OpenDocument text");
        assertRefused(rezip(docx, entries -> without(entries, "[Content_Types].xml")), "neither an OpenDocument text");
        // Part names are compared without regard to case (ECMA-376 part 2, 9.1.1.1).
        assertThat(DocumentFormat.of(rezip(docx, entries -> rename(entries, "word/document.xml", "Word/Document.xml"))))
                .contains(DocumentFormat.DOCX);
    }

    @Test
    void an_opendocument_text_whose_mimetype_file_is_compressed_not_first_or_not_exact_is_refused() {
        byte[] odt = resource("committee-minutes_libreoffice.odt");
        assertRefused(zip(entries(odt), false), "whose \"mimetype\" file is compressed");
        assertRefused(rezip(odt, entries -> {
            Map<String, byte[]> moved = without(entries, "mimetype");
            moved.put("mimetype", entries.get("mimetype"));
            return moved;
        }), "whose \"mimetype\" file is not its first");
        assertRefused(rezip(odt, entries -> with(entries, "mimetype", ascii("application/vnd.oasis.opendocument.text\n"))),
                "declares itself something unreadable");
        assertRefused(rezip(odt, entries -> without(entries, "content.xml")), "an OpenDocument text without its content");
        assertRefused(rezip(odt, entries -> with(entries, "Basic/Standard/Module1.xml", ascii("<script:module/>"))),
                "an OpenDocument text with macros");
        assertRefused(rezip(odt, entries -> with(entries, "Scripts/python/run.py", ascii("import os"))),
                "an OpenDocument text with macros");
        assertThat(DocumentFormat.of(rezip(odt, entries -> entries))).as("the same, re-packed as the spec says")
                .contains(DocumentFormat.ODT);
    }

    /** The bomb's data is real deflate of 64 MiB of zeros, declared 4 GB: recognition reads names, never inflates. */
    @Test
    void a_zip_bomb_is_recognised_by_its_names_without_being_inflated() {
        byte[] zeros = new byte[64 * 1024 * 1024];
        byte[] docxBomb = declareSize(rezip(resource("committee-minutes_libreoffice.docx"),
                entries -> with(entries, "word/document.xml", zeros)), "word/document.xml", 0xFFFF_FFF0L);
        byte[] odtBomb = declareSize(rezip(resource("committee-minutes_libreoffice.odt"),
                entries -> with(entries, "content.xml", zeros)), "content.xml", 0xFFFF_FFF0L);
        assertThat(docxBomb.length).isLessThan(200_000);
        assertThat(DocumentFormat.of(docxBomb)).contains(DocumentFormat.DOCX);
        assertThat(DocumentFormat.of(odtBomb)).contains(DocumentFormat.ODT);
        // Were anything inflated, these bytes, which are no deflate stream, would have made it fail.
        assertThat(DocumentFormat.of(garble(docxBomb, "word/document.xml"))).contains(DocumentFormat.DOCX);
        assertThat(DocumentFormat.of(garble(odtBomb, "content.xml"))).contains(DocumentFormat.ODT);
    }

    @Test
    void a_zip_whose_directory_points_outside_the_file_is_refused() {
        byte[] docx = resource("committee-minutes_libreoffice.docx");
        int end = lastIndexOf(docx, "PK\u0005\u0006");
        int firstCentral = indexOf(docx, "PK\u0001\u0002", 0);
        Map<String, UnaryOperator<byte[]>> corruptions = new LinkedHashMap<>();
        corruptions.put("directory offset beyond the end", z -> putInt(z, end + 16, 0x7FFF_FFF0));
        corruptions.put("directory offset negative as an int", z -> putInt(z, end + 16, 0xFFFF_FFF0));
        corruptions.put("directory size beyond the end", z -> putInt(z, end + 12, 0x7FFF_FFF0));
        corruptions.put("more entries than listed", z -> putShort(putShort(z, end + 8, 200), end + 10, 200));
        corruptions.put("fewer entries than listed", z -> putShort(putShort(z, end + 8, 1), end + 10, 1));
        corruptions.put("entries on another disk", z -> putShort(z, end + 4, 1));
        corruptions.put("a comment longer than the file", z -> putShort(z, end + 20, 100));
        corruptions.put("a file's header beyond the end", z -> putInt(z, firstCentral + 42, 0x7FFF_FFF0));
        corruptions.put("a file's header inside the directory", z -> putInt(z, firstCentral + 42, end - 10));
        corruptions.put("a name longer than the directory", z -> putShort(z, firstCentral + 28, 0xFFFF));
        corruptions.put("an extra field longer than the directory", z -> putShort(z, firstCentral + 30, 0xFFFF));
        corruptions.put("a directory without its signature", z -> putInt(z, firstCentral, 0));
        corruptions.put("no file listed at the start", z -> putInt(z, firstCentral + 42, indexOf(docx, "PK\u0003\u0004", 4)));
        corruptions.put("no file at the start", z -> putInt(z, 0, 0x04034b50 + 1));
        for (Map.Entry<String, UnaryOperator<byte[]>> corruption : corruptions.entrySet()) {
            Recognition recognition = DocumentFormat.recognise(corruption.getValue().apply(docx.clone()));
            assertThat(recognition.format()).as(corruption.getKey()).isNull();
            assertThat(recognition.refusal()).as(corruption.getKey()).containsAnyOf("damaged", "split", "cut short",
                    "none of the accepted");
        }
    }

    /** Every length a cut-off upload could have, and random damage: a refusal or a format, never an exception. */
    @Test
    void no_damage_makes_recognition_throw() {
        List<byte[]> files = List.of(resource("committee-minutes_libreoffice.docx"), resource("execution-report_pandoc.odt"),
                resource("payment-advice_ghostscript.pdf"), image("png"), image("jpeg"));
        for (byte[] file : files) {
            boolean pdf = DocumentFormat.of(file).orElseThrow() == DocumentFormat.PDF;
            for (int length = 0; length < file.length; length++) {
                Recognition recognition = DocumentFormat.recognise(Arrays.copyOf(file, length));
                // A PDF cut after its "%%EOF" is whole; any other cut loses an end these formats have.
                if (!pdf) {
                    assertThat(recognition.accepted()).as("cut at %d of %d", length, file.length).isFalse();
                }
            }
        }
        Random random = new Random(20_260_101L);
        for (int i = 0; i < 20_000; i++) {
            byte[] damaged = files.get(i % files.size()).clone();
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
            }
            assertThat(DocumentFormat.recognise(damaged)).isNotNull();
        }
    }

    @Test
    void a_zip_of_more_than_10000_files_is_refused_before_any_is_read() {
        Map<String, byte[]> docx = new LinkedHashMap<>(Map.of("[Content_Types].xml", ascii("<Types/>"),
                "word/document.xml", ascii("<w:document/>")));
        for (int i = docx.size(); i < ZipDirectory.ENTRIES_MAX; i++) {
            docx.put("word/media/image" + i + ".png", new byte[0]);
        }
        assertThat(DocumentFormat.of(zip(docx))).contains(DocumentFormat.DOCX);
        docx.put("word/media/one-more.png", new byte[0]);
        assertRefused(zip(docx), "a ZIP archive of more than 10,000 files");
    }

    /** Readers differ on which of two files of one name counts; Word's part names ignore case (ECMA-376 part 2, 9.1.1.1). */
    @Test
    void a_zip_naming_one_file_twice_is_refused() {
        Map<String, byte[]> entries = new LinkedHashMap<>(Map.of("[Content_Types].xml", ascii("<Types/>"),
                "word/document.xml", ascii("<w:document/>"), "word/documenX.xml", ascii("<html></html>")));
        byte[] twice = zip(entries);
        assertThat(DocumentFormat.of(twice)).contains(DocumentFormat.DOCX);
        replaceAll(twice, "word/documenX.xml", "word/document.xml");
        assertRefused(twice, "two files of the same name");
        assertRefused(zip(rename(entries, "word/documenX.xml", "word/documenT.xml")), "two files of the same name");
    }

    /** The end record is found by its comment ending where the file does, even when the comment holds a signature. */
    @Test
    void an_archive_comment_does_not_hide_the_directory() {
        byte[] docx = resource("execution-report_pandoc.docx");
        byte[] comment = concat(ascii("PK\u0005\u0006"), new byte[18], ascii(" a comment"));
        byte[] commented = concat(docx, comment);
        putShort(commented, lastIndexOf(docx, "PK\u0005\u0006") + 20, comment.length);
        assertThat(DocumentFormat.of(commented)).contains(DocumentFormat.DOCX);
    }

    @Test
    void a_file_of_more_than_10_mb_is_refused_10_mb_is_not() {
        byte[] largest = new byte[DocumentFormat.MAX_BYTES];
        Arrays.fill(largest, (byte) ' ');
        System.arraycopy(ascii("%PDF-1.7\n"), 0, largest, 0, 9);
        System.arraycopy(ascii("%%EOF\n"), 0, largest, largest.length - 6, 6);
        assertThat(DocumentFormat.of(largest)).contains(DocumentFormat.PDF);
        assertRefused(concat(largest, ascii(" ")), "The file is larger than 10 MB (10,485,760 bytes)");
    }

    @Test
    void sha256_in_hexadecimal_as_the_bank_files_are_named() {
        assertThat(Digests.sha256Hex(ascii("abc")))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Digests.sha256Hex(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    private static void assertRefused(byte[] content, String reason) {
        Recognition recognition = DocumentFormat.recognise(content);
        assertThat(recognition.format()).as(reason).isNull();
        assertThat(recognition.refusal()).contains(reason).startsWith("The file ").endsWith(".");
        assertThat(DocumentFormat.of(content)).isEmpty();
    }

    private static byte[] resource(String name) {
        try (InputStream in = DocumentFormatTest.class.getResourceAsStream("/documents/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small picture as javax.imageio writes it in the given format. */
    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 48, 32);
        g.setColor(Color.BLUE);
        g.drawString("1200", 4, 20);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            assertThat(ImageIO.write(image, format, out)).as(format).isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] progressiveJpeg() {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 64; y++) {
                image.setRGB(x, y, x * 4 << 16 | y * 4 << 8 | (x + y) * 2);
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        byte[] jpeg = out.toByteArray();
        int scans = 0;
        for (int i = 0; i + 1 < jpeg.length; i++) {
            scans += (jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDA ? 1 : 0;
        }
        assertThat(scans).as("scans of the progressive JPEG").isGreaterThan(1);
        return jpeg;
    }

    /** An archive as java.util.zip writes it: the entries in their order, deflated but "mimetype", stored. */
    private static byte[] zip(Map<String, byte[]> entries) {
        return zip(entries, true);
    }

    private static byte[] zip(Map<String, byte[]> entries, boolean storeMimetype) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                // As the OpenDocument spec wants the mimetype file, unless a test asks it compressed.
                if (entry.getKey().equals("mimetype") && storeMimetype) {
                    CRC32 crc = new CRC32();
                    crc.update(entry.getValue());
                    zipEntry.setMethod(ZipEntry.STORED);
                    zipEntry.setSize(entry.getValue().length);
                    zipEntry.setCrc(crc.getValue());
                }
                zip.putNextEntry(zipEntry);
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A real archive's files, changed, written again in their order by java.util.zip. */
    private static byte[] rezip(byte[] archive, UnaryOperator<Map<String, byte[]>> change) {
        return zip(change.apply(entries(archive)));
    }

    /** A real archive's files in their order, as java.util.zip reads them. */
    private static Map<String, byte[]> entries(byte[] archive) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static Map<String, byte[]> with(Map<String, byte[]> entries, String name, byte[] content) {
        Map<String, byte[]> changed = new LinkedHashMap<>(entries);
        changed.put(name, content);
        return changed;
    }

    private static Map<String, byte[]> without(Map<String, byte[]> entries, String name) {
        Map<String, byte[]> changed = new LinkedHashMap<>(entries);
        assertThat(changed.remove(name)).as(name).isNotNull();
        return changed;
    }

    private static Map<String, byte[]> rename(Map<String, byte[]> entries, String name, String newName) {
        Map<String, byte[]> changed = new LinkedHashMap<>();
        entries.forEach((key, value) -> changed.put(key.equals(name) ? newName : key, value));
        return changed;
    }

    /** The archive with a file's uncompressed size declared as given, in its directory entry. */
    private static byte[] declareSize(byte[] zip, String name, long size) {
        int central = indexOf(zip, "PK\u0001\u0002", 0);
        while (!new String(zip, central + 46, name.length(), StandardCharsets.ISO_8859_1).equals(name)) {
            central = indexOf(zip, "PK\u0001\u0002", central + 4);
        }
        return putInt(zip, central + 24, (int) size);
    }

    /** The archive with a file's compressed bytes overwritten by bytes that are no deflate stream. */
    private static byte[] garble(byte[] zip, String name) {
        byte[] garbled = zip.clone();
        int local = indexOf(garbled, "PK\u0003\u0004", 0);
        while (!new String(garbled, local + 30, name.length(), StandardCharsets.ISO_8859_1).equals(name)) {
            local = indexOf(garbled, "PK\u0003\u0004", local + 4);
        }
        ByteBuffer header = ByteBuffer.wrap(garbled).order(ByteOrder.LITTLE_ENDIAN);
        int data = local + 30 + header.getShort(local + 26) + header.getShort(local + 28);
        Arrays.fill(garbled, data, data + 1000, (byte) 0xFF);
        return garbled;
    }

    private static byte[] putInt(byte[] bytes, int at, int value) {
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
        return bytes;
    }

    private static byte[] putShort(byte[] bytes, int at, int value) {
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(at, (short) value);
        return bytes;
    }

    private static void replaceAll(byte[] bytes, String from, String to) {
        for (int at = indexOf(bytes, from, 0); at >= 0; at = indexOf(bytes, from, at + 1)) {
            System.arraycopy(ascii(to), 0, bytes, at, to.length());
        }
    }

    private static int indexOf(byte[] bytes, String text, int from) {
        byte[] pattern = text.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = from; i + pattern.length <= bytes.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int lastIndexOf(byte[] bytes, String text) {
        int last = -1;
        for (int at = indexOf(bytes, text, 0); at >= 0; at = indexOf(bytes, text, at + 1)) {
            last = at;
        }
        return last;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
