package no.kraft.cis.consent.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consent audit trail (revisjonsspor for samtykke): append-only events, hash-chained per chain (one chain per
 * order). Each event stores the previous event's hash and {@code SHA-256(previous hash ‖ canonical JSON payload)}.
 * Writers of one chain are serialised with a transaction-scoped advisory lock. The person is never in the hashed
 * payload: only a keyed hash (HMAC-SHA256) of the national ID is kept beside it, so erasing that column under GDPR
 * leaves the chain intact. The table refuses UPDATE, DELETE and TRUNCATE by trigger.
 */
public class ConsentAuditTrail {

    /** The previous hash of a chain's first event. */
    public static final String GENESIS = "0".repeat(64);
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final byte[] subjectKey;

    public ConsentAuditTrail(JdbcClient jdbc, Clock clock, String subjectKey) {
        if (subjectKey == null || subjectKey.length() < 16) {
            throw new IllegalArgumentException("cis.consent.audit.subject-key must be at least 16 characters");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.subjectKey = subjectKey.getBytes(StandardCharsets.UTF_8);
    }

    /** One event as stored. */
    public record Event(long id, String chain, int seq, Instant at, String payload, String subjectKey, String prevHash, String hash) {
    }

    /**
     * The result of re-walking the chains: how much was checked and the first broken link, if any.
     *
     * @param brokenAt the first event whose link or hash does not hold, or {@code null} when the trail is intact
     */
    public record Verification(int chains, long events, Broken brokenAt) {

        public boolean intact() {
            return brokenAt == null;
        }
    }

    /** Where and why a chain breaks. */
    public record Broken(String chain, int seq, long eventId, String reason) {
    }

    /**
     * Appends an event in the caller's transaction (or a new one).
     *
     * @param facts what happened, without personal data: ids, document hashes, statuses
     * @param nationalId the person concerned, stored only as a keyed hash outside the payload; may be {@code null}
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public Event append(String chain, String type, String actor, Map<String, ?> facts, String nationalId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:chain, 7))").param("chain", chain).query().singleRow();
        var last = jdbc.sql("select seq, hash from consent_event where chain = :chain order by seq desc limit 1")
                .param("chain", chain).query((rs, n) -> Map.entry(rs.getInt(1), rs.getString(2))).optional();
        int seq = last.map(e -> e.getKey() + 1).orElse(1);
        String prev = last.map(Map.Entry::getValue).orElse(GENESIS);
        Instant at = clock.instant();
        Map<String, Object> payload = new TreeMap<>();
        payload.put("chain", chain);
        payload.put("seq", seq);
        payload.put("at", at.toString());
        payload.put("type", type);
        payload.put("actor", actor);
        Map<String, String> cleanFacts = new TreeMap<>();
        facts.forEach((k, v) -> {
            if (v != null) {
                cleanFacts.put(k, v.toString());
            }
        });
        payload.put("facts", cleanFacts);
        String json = CANONICAL.writeValueAsString(payload);
        String hash = hash(prev, json);
        String subject = nationalId == null ? null : subjectKey(nationalId);
        long id = jdbc.sql("""
                insert into consent_event (chain, seq, at, payload, subject_key, prev_hash, hash)
                values (:chain, :seq, :at, :payload, :subject, :prev, :hash) returning id""")
                .param("chain", chain).param("seq", seq).param("at", java.sql.Timestamp.from(at)).param("payload", json)
                .param("subject", subject).param("prev", prev).param("hash", hash).query(Long.class).single();
        return new Event(id, chain, seq, at, json, subject, prev, hash);
    }

    /** The keyed hash that stands for a person in the trail; the same person always gives the same key. */
    public String subjectKey(String nationalId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(subjectKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(nationalId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional(readOnly = true)
    public List<Event> chain(String chain) {
        return jdbc.sql("select id, chain, seq, at, payload, subject_key, prev_hash, hash from consent_event where chain = :chain order by seq")
                .param("chain", chain).query(ConsentAuditTrail::event).list();
    }

    /** Re-walks every chain (or only {@code chain} when given) and reports the first broken link. */
    @Transactional(readOnly = true)
    public Verification verify(String onlyChain) {
        String sql = "select id, chain, seq, at, payload, subject_key, prev_hash, hash from consent_event"
                + (onlyChain == null ? "" : " where chain = :chain") + " order by chain, seq";
        var statement = jdbc.sql(sql);
        if (onlyChain != null) {
            statement = statement.param("chain", onlyChain);
        }
        Walk walk = new Walk();
        statement.query(rs -> {
            if (walk.broken == null) {
                walk.check(event(rs, 0));
            }
        });
        return new Verification(walk.chains, walk.events, walk.broken);
    }

    /** State of one walk over the events ordered by chain and sequence. */
    private static final class Walk {
        String chain;
        String previousHash;
        int previousSeq;
        int chains;
        long events;
        Broken broken;

        void check(Event e) {
            if (!e.chain().equals(chain)) {
                chain = e.chain();
                previousHash = GENESIS;
                previousSeq = 0;
                chains++;
            }
            events++;
            if (e.seq() != previousSeq + 1) {
                broken = new Broken(e.chain(), e.seq(), e.id(), "sequence gap: expected " + (previousSeq + 1));
            } else if (!e.prevHash().equals(previousHash)) {
                broken = new Broken(e.chain(), e.seq(), e.id(), "previous hash does not match the previous event");
            } else if (!e.hash().equals(hash(e.prevHash(), e.payload()))) {
                broken = new Broken(e.chain(), e.seq(), e.id(), "hash does not match the payload");
            }
            previousHash = e.hash();
            previousSeq = e.seq();
        }
    }

    static String hash(String previous, String payload) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previous.getBytes(StandardCharsets.UTF_8));
            sha.update(payload.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Event event(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Event(rs.getLong("id"), rs.getString("chain"), rs.getInt("seq"), rs.getTimestamp("at").toInstant(),
                rs.getString("payload"), rs.getString("subject_key"), rs.getString("prev_hash"), rs.getString("hash"));
    }
}
