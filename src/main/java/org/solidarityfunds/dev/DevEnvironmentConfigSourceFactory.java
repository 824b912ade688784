package org.solidarityfunds.dev;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

/**
 * In dev mode only ({@code ./mvnw quarkus:dev}): starts an embedded PostgreSQL whose data
 * lives in {@code .data/postgres} at the project root and survives restarts, and makes up a
 * dev-only signing key for the tokens of {@code POST /dev/tokens}. It stays out of the way
 * when the dev profile is not active (tests, production), and each part when its real
 * counterpart is configured (a datasource URL, an identity provider's key location).
 */
public class DevEnvironmentConfigSourceFactory implements ConfigSourceFactory {

    private static final Logger LOG = Logger.getLogger(DevEnvironmentConfigSourceFactory.class);
    /** Dev mode reloads classes on every change; a system property remembers the server across reloads. */
    private static final String STARTED = "ledger.dev-database.started-url";
    private static final String KEYS_PREFIX = "ledger.dev-keys.";
    private static final int DEV_PORT = 54329;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!context.getProfiles().contains("dev")) {
            return List.of();
        }
        Map<String, String> config = new HashMap<>();
        if (!configured(context, "quarkus.datasource.jdbc.url")
                && !"false".equals(value(context, "ledger.dev-database.enabled"))) {
            config.putAll(start(context));
        }
        if (!configured(context, "mp.jwt.verify.publickey.location")) {
            config.putAll(signingKeys());
        }
        return List.of(new PropertiesConfigSource(config, "ledger dev environment", 275));
    }

    /** Made once per dev session and kept across reloads, so that tokens stay valid while coding. */
    private static synchronized Map<String, String> signingKeys() {
        Map<String, String> config = new HashMap<>();
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(KEYS_PREFIX))
                .forEach(name -> config.put(name.substring(KEYS_PREFIX.length()), System.getProperty(name)));
        if (config.isEmpty()) {
            config.putAll(DevSigningKeys.generate().quarkusConfig());
            config.forEach((name, value) -> System.setProperty(KEYS_PREFIX + name, value));
            LOG.info("Dev-only token signing key made for this session: mint tokens with POST /dev/tokens");
        }
        return config;
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(100);
    }

    private static synchronized Map<String, String> start(ConfigSourceContext context) {
        Map<String, String> config = new HashMap<>();
        String started = System.getProperty(STARTED);
        if (started != null) {
            config.put("quarkus.datasource.jdbc.url", started);
        } else {
            Path directory = dataDirectory(context);
            try {
                Files.createDirectories(directory);
                EmbeddedDatabase database = EmbeddedDatabase.start(directory, DEV_PORT);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        database.close();
                    } catch (Exception e) {
                        LOG.warn("Could not stop the embedded dev database", e);
                    }
                }));
                System.setProperty(STARTED, database.jdbcUrl());
                config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
                LOG.infof("Embedded dev PostgreSQL on port %d, data in %s", database.port(), directory);
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the embedded dev database in " + directory
                        + " (is another dev service still running?)", e);
            }
        }
        config.put("quarkus.datasource.username", EmbeddedDatabase.APP_ROLE);
        config.put("quarkus.datasource.password", EmbeddedDatabase.DEV_ONLY_PASSWORD);
        config.put("quarkus.flyway.username", EmbeddedDatabase.OWNER_ROLE);
        config.put("quarkus.flyway.password", EmbeddedDatabase.DEV_ONLY_PASSWORD);
        return config;
    }

    /** {@code .data/postgres} next to the pom.xml, whatever directory dev mode runs in. */
    private static Path dataDirectory(ConfigSourceContext context) {
        String configured = value(context, "ledger.dev-database.data-directory");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        Path directory = Path.of("").toAbsolutePath();
        for (Path candidate = directory; candidate != null; candidate = candidate.getParent()) {
            if (Files.exists(candidate.resolve("pom.xml"))) {
                return candidate.resolve(".data/postgres");
            }
        }
        return directory.resolve(".data/postgres");
    }

    private static boolean configured(ConfigSourceContext context, String name) {
        String value = value(context, name);
        return value != null && !value.isBlank();
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null ? null : value.getValue();
    }
}
