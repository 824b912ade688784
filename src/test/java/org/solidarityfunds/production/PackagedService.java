package org.solidarityfunds.production;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.solidarityfunds.dev.EmbeddedDatabase;
import org.solidarityfunds.support.TestTokens;

/** The packaged jar, started as an operator would start it: only the environment it is given. */
final class PackagedService implements AutoCloseable {

    private final Process process;
    private final Path log;
    final int port;

    private PackagedService(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static PackagedService start(Map<String, String> environment) throws IOException {
        int port = freePort();
        Path log = Files.createTempFile("packaged-service", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_"));
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().putAll(environment);
        return new PackagedService(builder.start(), log, port);
    }

    /**
     * The production environment for this database and the test tokens' key: the database's
     * Quarkus properties as environment variables, and the issuer and public key of TestTokens;
     * the console's sign-in turned off.
     */
    static Map<String, String> environmentFor(EmbeddedDatabase database) {
        Map<String, String> environment = new HashMap<>();
        database.quarkusConfig().forEach((name, value) -> environment.put(
                name.toUpperCase().replace('.', '_').replace('-', '_'), value));
        environment.put("MP_JWT_VERIFY_PUBLICKEY", TestTokens.KEYS.quarkusConfig().get("mp.jwt.verify.publickey"));
        environment.put("MP_JWT_VERIFY_ISSUER", TestTokens.KEYS.quarkusConfig().get("mp.jwt.verify.issuer"));
        // No console: ConsoleSignInIT adds the identity provider where users sign in.
        environment.put("QUARKUS_OIDC_STAFF_TENANT_ENABLED", "false");
        return environment;
    }

    /** Waits for the process to stop by itself; false if it was still running after the timeout. */
    boolean waitForExit(int seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    int exitValue() {
        return process.exitValue();
    }

    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    /** Waits until the service answers ready, or fails with what it printed. */
    static void awaitReady(PackagedService service) throws Exception {
        for (int attempt = 0; attempt < 120; attempt++) {
            try {
                if (io.restassured.RestAssured.given().port(service.port).get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notListeningYet) {
                // the service is still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the service did not become ready:\n" + service.output());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
