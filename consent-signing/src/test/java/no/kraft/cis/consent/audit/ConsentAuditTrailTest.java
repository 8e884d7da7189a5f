package no.kraft.cis.consent.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ConsentAuditTrailTest {

    /**
     * The link by hand: hash = SHA-256 of the previous hash's 64 hex characters followed by the payload's UTF-8 bytes.
     * For the first event the previous hash is 64 zeros.
     */
    @Test
    void theHashChainsThePreviousHashAndThePayload() throws Exception {
        String payload = "{\"actor\":\"system\",\"at\":\"2026-03-15T11:00:00Z\",\"chain\":\"order-500001\",\"facts\":{},\"seq\":1,\"type\":\"X\"}";
        byte[] input = (ConsentAuditTrail.GENESIS + payload).getBytes(StandardCharsets.UTF_8);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input));
        assertThat(ConsentAuditTrail.hash(ConsentAuditTrail.GENESIS, payload)).isEqualTo(expected).hasSize(64);
        // one character changed anywhere changes the link
        assertThat(ConsentAuditTrail.hash(ConsentAuditTrail.GENESIS, payload.replace("X", "Y"))).isNotEqualTo(expected);
        assertThat(ConsentAuditTrail.hash("1" + ConsentAuditTrail.GENESIS.substring(1), payload)).isNotEqualTo(expected);
    }

    @Test
    void thePersonIsAKeyedHashNotTheNationalId() {
        ConsentAuditTrail trail = new ConsentAuditTrail(null, null, "a-key-of-sixteen-chars");
        ConsentAuditTrail other = new ConsentAuditTrail(null, null, "another-key-of-sixteen");
        String key = trail.subjectKey("01017012343");
        assertThat(key).hasSize(64).doesNotContain("01017012343").isEqualTo(trail.subjectKey("01017012343"));
        assertThat(other.subjectKey("01017012343")).as("without the key the hash cannot be recomputed").isNotEqualTo(key);
    }
}
