package org.solidarityfunds.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the packaged application carries (ADR 0010): not the embedded PostgreSQL of dev mode and
 * the tests, an optional dependency that packaging leaves out
 * (quarkus.package.jar.filter-optional-dependencies); and no service declaration naming a class
 * that is not there: Quarkus instantiates the declared configuration services when the
 * service starts.
 */
class ProductionJarContentsIT {

    private static final Path APP = Path.of("target/quarkus-app");

    @Test
    void the_packaged_application_carries_no_embedded_postgresql() throws IOException {
        try (Stream<Path> libraries = Files.list(APP.resolve("lib/main"))) {
            List<String> names = libraries.map(library -> library.getFileName().toString()).toList();
            assertThat(names).as("the packaged libraries").isNotEmpty()
                    .noneMatch(name -> name.startsWith("io.zonky."));
        }
    }

    @Test
    void every_service_the_application_jar_declares_is_in_it() throws IOException {
        try (JarFile jar = applicationJar()) {
            List<String> declared = new ArrayList<>();
            for (JarEntry entry : jar.stream().filter(entry -> entry.getName().startsWith("META-INF/services/")
                    && !entry.isDirectory()).toList()) {
                try (InputStream in = jar.getInputStream(entry)) {
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                            .map(line -> line.replaceFirst("#.*", "").strip()).filter(line -> !line.isEmpty())
                            .forEach(declared::add);
                }
            }
            assertThat(declared).as("services declared by the application jar").isNotEmpty()
                    .allMatch(name -> jar.getEntry(name.replace('.', '/') + ".class") != null);
        }
    }

    private static JarFile applicationJar() throws IOException {
        try (Stream<Path> jars = Files.list(APP.resolve("app"))) {
            List<Path> found = jars.filter(path -> path.getFileName().toString().endsWith(".jar")).toList();
            assertThat(found).as("the application jar in " + APP.resolve("app")).hasSize(1);
            return new JarFile(found.get(0).toFile());
        }
    }
}
