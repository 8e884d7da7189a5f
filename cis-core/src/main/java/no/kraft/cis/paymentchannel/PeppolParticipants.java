package no.kraft.cis.paymentchannel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import no.kraft.cis.audit.AuditStamp;
import no.kraft.cis.customer.OrganisationNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The locally held Peppol participant list: replaced as a whole by each import (in one transaction, so a look-up sees
 * the old list or the new one, never half), and looked up by organisation number.
 */
@Service
@Transactional
public class PeppolParticipants {

    /** What an import did. {@code unchanged}: the same list as last time (same SHA-256); nothing was replaced. */
    public record ImportResult(long importId, int participants, int skipped, boolean unchanged) {
    }

    private final JdbcClient jdbc;
    private final AuditStamp audit;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private final TransactionTemplate transactions;

    PeppolParticipants(JdbcClient jdbc, AuditStamp audit, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.transactions = transactions;
    }

    @Transactional(readOnly = true)
    public Optional<PeppolParticipant> find(OrganisationNumber organisationNumber) {
        return jdbc.sql("""
                        select p.organisation_number, p.participant_id, p.name, p.accepts_invoice, i.imported_at
                        from peppol_participant p join peppol_participant_import i on i.id = p.import_id
                        where p.organisation_number = :org""")
                .param("org", organisationNumber.value())
                .query((rs, n) -> new PeppolParticipant(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getTimestamp(5).toInstant()))
                .optional();
    }

    /** Reads the list from a file path or an http(s) URL — with no transaction open while it downloads — and imports it. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ImportResult refreshFrom(String location) {
        byte[] content = read(location);
        return transactions.execute(status -> importList(content, location));
    }

    public ImportResult importList(byte[] content, String source) {
        String sha256 = sha256(content);
        Optional<Long> last = jdbc.sql("select id from peppol_participant_import where sha256 = :sha and id = "
                        + "(select max(id) from peppol_participant_import)")
                .param("sha", sha256).query(Long.class).optional();
        if (last.isPresent()) {
            int count = jdbc.sql("select count(*) from peppol_participant").query(Integer.class).single();
            return new ImportResult(last.get(), count, 0, true);
        }
        PeppolListCsv.Parsed parsed = PeppolListCsv.parse(content);
        long importId = jdbc.sql("""
                        insert into peppol_participant_import (source, sha256, participants, imported_at, imported_by)
                        values (:source, :sha, :count, :now, :actor) returning id""")
                .param("source", source.length() > 500 ? source.substring(0, 500) : source).param("sha", sha256)
                .param("count", parsed.rows().size()).param("now", Timestamp.from(audit.now())).param("actor", audit.actor())
                .query(Long.class).single();
        jdbc.sql("delete from peppol_participant").update();
        for (PeppolListCsv.Row row : parsed.rows()) {
            jdbc.sql("""
                            insert into peppol_participant (organisation_number, participant_id, name, accepts_invoice, import_id)
                            values (:org, :participant, :name, :accepts, :import)""")
                    .param("org", row.organisationNumber()).param("participant", row.participantId()).param("name", row.name())
                    .param("accepts", row.acceptsInvoice()).param("import", importId).update();
        }
        return new ImportResult(importId, parsed.rows().size(), parsed.skipped(), false);
    }

    private byte[] read(String location) {
        try {
            if (location.startsWith("http://") || location.startsWith("https://")) {
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(location)).timeout(Duration.ofMinutes(2))
                        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("Peppol participant list at " + location + " answered " + response.statusCode());
                }
                return response.body();
            }
            return Files.readAllBytes(Path.of(location.startsWith("file:") ? URI.create(location).getPath() : location));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the Peppol participant list from " + location, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
