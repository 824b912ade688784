package org.solidarityfunds.dev;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DEV AND TEST ONLY. A signing key pair made up on the spot, never written anywhere, so that
 * dev mode and the tests can issue tokens the service accepts. Production verifies tokens
 * with the identity provider's keys (MP_JWT_VERIFY_PUBLICKEY_LOCATION) and never sees these.
 */
public final class DevSigningKeys {

    /** The issuer of dev and test tokens; .invalid can never be a real host. */
    public static final String ISSUER = "https://dev-only.fund-ledger.invalid";
    public static final String AUDIENCE = "fund-ledger";

    private final KeyPair keys;

    private DevSigningKeys(KeyPair keys) {
        this.keys = keys;
    }

    public static DevSigningKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new DevSigningKeys(generator.generateKeyPair());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has RSA", e);
        }
    }

    public PrivateKey privateKey() {
        return keys.getPrivate();
    }

    /** Configuration under which the service trusts these keys, and signs dev tokens with them. */
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("mp.jwt.verify.publickey", pem("PUBLIC KEY", keys.getPublic().getEncoded()));
        config.put("mp.jwt.verify.issuer", ISSUER);
        config.put("smallrye.jwt.sign.key", pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        return config;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----";
    }
}
