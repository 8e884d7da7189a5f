package no.kraft.cis.elhub.maskinporten;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.List;

/**
 * The client's RSA signing key, with the enterprise certificate chain when the assertion carries {@code x5c}. Loaded
 * from a PKCS#12 keystore; {@link #generated()} makes a throw-away key for the local profile's stand-in.
 */
public record SigningKey(PrivateKey privateKey, RSAPublicKey publicKey, List<X509Certificate> chain) {

    public SigningKey {
        chain = chain == null ? List.of() : List.copyOf(chain);
    }

    public static SigningKey fromKeystore(MaskinportenProperties.Keystore keystore) {
        try (InputStream in = Files.newInputStream(Path.of(keystore.path()))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            char[] password = keystore.password() == null ? new char[0] : keystore.password().toCharArray();
            store.load(in, password);
            String alias = keystore.alias() != null ? keystore.alias() : store.aliases().nextElement();
            PrivateKey key = (PrivateKey) store.getKey(alias, password);
            Certificate[] certificates = store.getCertificateChain(alias);
            List<X509Certificate> chain = certificates == null ? List.of()
                    : Arrays.stream(certificates).map(X509Certificate.class::cast).toList();
            RSAPublicKey publicKey = (RSAPublicKey) chain.getFirst().getPublicKey();
            return new SigningKey(key, publicKey, chain);
        } catch (Exception e) {
            // never the password in a message
            throw new IllegalStateException("cannot read the Maskinporten keystore " + keystore.path() + ": " + e.getClass().getSimpleName());
        }
    }

    /** A fresh 2048-bit key without certificate, for stand-ins. */
    public static SigningKey generated() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new SigningKey(pair.getPrivate(), (RSAPublicKey) pair.getPublic(), List.of());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
