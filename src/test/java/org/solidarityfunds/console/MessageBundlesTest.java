package org.solidarityfunds.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every word of the console exists in French and in English: a key in one file and not the other fails here. */
class MessageBundlesTest {

    @Test
    void french_and_english_have_the_same_keys() throws IOException {
        for (String bundle : new String[] {"msg", "admin", "books", "problems", "bank", "doc"}) {
            Properties french = load("messages/" + bundle + "_fr.properties");
            Properties english = load("messages/" + bundle + "_en.properties");
            assertThat(french).as(bundle).isNotEmpty();
            assertThat(english.keySet()).as(bundle + ": English against French").isEqualTo(french.keySet());
            french.forEach((key, text) -> assertThat(text.toString()).as(bundle + " " + key).isNotBlank());
            english.forEach((key, text) -> assertThat(text.toString()).as(bundle + " " + key).isNotBlank());
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
