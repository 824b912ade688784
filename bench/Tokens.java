// JDK-only RS256 token signer for the benchmark (bench/run). The key pair comes from
// `java -cp CLASSES Tokens keygen DIR` (.ci/lib/java/Tokens.java) (DIR/private.der, PKCS#8).
//
//   java bench/Tokens.java PRIVATE_DER ISSUER SUBJECT:ROLE [SUBJECT:ROLE ...]
//
// prints one line per SUBJECT:ROLE: "ROLE TOKEN". Claims: iss, aud = fund-ledger, sub,
// groups = [ROLE], iat, exp = now + 24 h (long enough for any run), jti.
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.UUID;

public class Tokens {
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java bench/Tokens.java PRIVATE_DER ISSUER SUBJECT:ROLE [SUBJECT:ROLE ...]");
            System.exit(2);
        }
        PrivateKey key = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(Path.of(args[0]))));
        String issuer = args[1];
        long now = System.currentTimeMillis() / 1000;
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        for (int i = 2; i < args.length; i++) {
            String[] parts = args[i].split(":", 2);
            String claims = "{\"iss\":" + quote(issuer) + ",\"aud\":\"fund-ledger\",\"sub\":" + quote(parts[0])
                    + ",\"groups\":[" + quote(parts[1]) + "],\"iat\":" + now + ",\"exp\":" + (now + 86400)
                    + ",\"jti\":" + quote(UUID.randomUUID().toString()) + "}";
            String input = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                    + "." + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            System.out.println(parts[1] + " " + input + "." + b64.encodeToString(signature.sign()));
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
