package no.kraft.cis.receivables;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import no.kraft.cis.period.DatedHistory;
import no.kraft.cis.rule.NotFoundException;
import no.kraft.cis.rule.ValidationFailedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statutory terms of dunning by date (inkassosats, fee fractions, waiting days, fee-bearing notice limit). A new
 * version closes the previous one at its start; none can start before the latest (history is never rewritten).
 */
@Service
@Transactional
public class CollectionTerms {

    private final StatutoryTermsRepository rows;
    private final EntityManager entityManager;

    CollectionTerms(StatutoryTermsRepository rows, EntityManager entityManager) {
        this.rows = rows;
        this.entityManager = entityManager;
    }

    /** The terms in force on {@code day}; 404 before the first version held. */
    @Transactional(readOnly = true)
    public StatutoryTerms at(LocalDate day) {
        return history().stream().filter(t -> t.validity().contains(day)).findFirst()
                .orElseThrow(() -> new NotFoundException("statutory terms on", day));
    }

    /** Every version, oldest first. */
    @Transactional(readOnly = true)
    public List<StatutoryTerms> history() {
        return new DatedHistory<>(rows.findAll(), r -> { }, "validFrom").rows().stream().map(StatutoryTermsRow::terms).toList();
    }

    /**
     * Adds terms from {@code terms.validity().from()} on, open-ended.
     *
     * @throws ValidationFailedException {@code terms.openEnded} if the new terms carry an end
     * @throws no.kraft.cis.rule.ConflictException {@code history.beforeLatest} if they start before the latest version
     */
    public StatutoryTerms add(StatutoryTerms terms) {
        if (!terms.validity().isOpenEnded()) {
            throw ValidationFailedException.of("validTo", "terms.openEnded", "new terms hold until the next ones; give no end");
        }
        // one writer at a time: two additions read the same latest version and would both close it
        entityManager.createNativeQuery("lock table receivables_statutory_terms in share row exclusive mode").executeUpdate();
        StatutoryTermsRow row = new StatutoryTermsRow(terms);
        new DatedHistory<>(rows.findAll(), rows::save, "validFrom").append(row);
        rows.flush();
        return row.terms();
    }
}
