package org.solidarityfunds.tools.common;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

/**
 * Throwaway RS256 keys, and the bearer tokens signed with them, for the CI drivers and the
 * benchmark: the scripts start the packaged service trusting the public half
 * (MP_JWT_VERIFY_PUBLICKEY), and the drivers sign with the other, with smallrye-jwt-build as
 * the tests do (support/TestTokens). Claims: iss, aud = fund-ledger, sub, groups = [role], iat,
 * exp, jti.
 *
 * <pre>
 *   Tokens keygen DIR
 *       writes DIR/private.der (PKCS#8) and DIR/public.pem (X.509, the MP_JWT_VERIFY_PUBLICKEY form)
 *   Tokens sign PRIVATE_DER ISSUER SUBJECT:ROLE [SUBJECT:ROLE ...]
 *       prints one line "ROLE TOKEN" per SUBJECT:ROLE, valid 24 h (long enough for any benchmark run)
 * </pre>
 */
public final class Tokens {

    /** The audience the service requires (mp.jwt.verify.audiences). */
    public static final String AUDIENCE = "fund-ledger";
    /** How long a driver's token lives: longer than any driver's run. */
    public static final Duration DRIVER_LIFETIME = Duration.ofHours(1);
    private static final Duration BENCH_LIFETIME = Duration.ofHours(24);

    private Tokens() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("keygen")) {
            keygen(Path.of(args[1]));
            return;
        }
        if (args.length >= 4 && args[0].equals("sign")) {
            PrivateKey key = readPrivateKey(Path.of(args[1]));
            for (int i = 3; i < args.length; i++) {
                String[] subjectAndRole = args[i].split(":", 2);
                System.out.println(subjectAndRole[1] + " "
                        + sign(key, args[2], subjectAndRole[0], subjectAndRole[1], BENCH_LIFETIME));
            }
            return;
        }
        System.err.println("usage: Tokens keygen DIR | Tokens sign PRIVATE_DER ISSUER SUBJECT:ROLE [SUBJECT:ROLE ...]");
        System.exit(2);
    }

    static void keygen(Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Files.createDirectories(dir);
        Files.write(dir.resolve("private.der"), keys.getPrivate().getEncoded());
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        Files.writeString(dir.resolve("public.pem"), pem, StandardCharsets.US_ASCII);
    }

    public static PrivateKey readPrivateKey(Path der) throws Exception {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(der)));
    }

    /** A driver's token for this subject with this one role. */
    public static String sign(PrivateKey key, String issuer, String subject, String role) {
        return sign(key, issuer, subject, role, DRIVER_LIFETIME);
    }

    static String sign(PrivateKey key, String issuer, String subject, String role, Duration lifetime) {
        return Jwt.issuer(issuer).audience(AUDIENCE).subject(subject).groups(Set.of(role)).expiresIn(lifetime)
                .jws().algorithm(SignatureAlgorithm.RS256).sign(key);
    }
}
