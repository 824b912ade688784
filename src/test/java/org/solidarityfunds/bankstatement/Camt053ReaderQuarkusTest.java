package org.solidarityfunds.bankstatement;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The reader inside the application: pw-iso20022 finds its JAXB runtime (Quarkus' own
 * org.glassfish.jaxb, the library's jaxb-impl being left out, see pom.xml) through Quarkus'
 * class loader.
 */
@QuarkusTest
class Camt053ReaderQuarkusTest {

    @Test
    void readsASampleInsideQuarkus() throws IOException {
        byte[] file;
        try (InputStream in = getClass().getResourceAsStream("/bank/camt053.001.04_viafintech_valid_example_v4.xml")) {
            file = in.readAllBytes();
        }

        BankFile read = Camt053Reader.read(file);

        assertThat(read.statements()).singleElement().satisfies(statement -> {
            assertThat(statement.lines()).hasSize(13);
            assertThat(statement.addsUp()).isTrue();
        });
        assertThat(Camt053Reader.class.getClassLoader().getClass().getName()).contains("quarkus");
    }
}
