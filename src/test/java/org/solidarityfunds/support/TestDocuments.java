package org.solidarityfunds.support;

import java.io.IOException;
import java.io.InputStream;

/** The real documents the tests attach (src/test/resources/documents/README.md says where each came from). */
public final class TestDocuments {

    private TestDocuments() {
    }

    /** A file of src/test/resources/documents/. */
    public static byte[] resource(String name) {
        try (InputStream in = TestDocuments.class.getResourceAsStream("/documents/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test document " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A real PDF, LibreOffice's. */
    public static byte[] pdf() {
        return resource("committee-minutes_libreoffice.pdf");
    }
}
