package no.kraft.cis.receivables;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import no.kraft.cis.period.DatedHistory;
import no.kraft.cis.period.Period;
import no.kraft.cis.rule.NotFoundException;
import no.kraft.cis.rule.ValidationFailedException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dunning policies by billing segment and date, and the default policy for a customer in no segment with one. A new
 * version closes the previous one at its start; none can start before the latest (history is never rewritten).
 */
@Service
@Transactional
public class DunningPolicies {

    private final DunningPolicyRepository rows;
    private final EntityManager entityManager;

    DunningPolicies(DunningPolicyRepository rows, EntityManager entityManager) {
        this.rows = rows;
        this.entityManager = entityManager;
    }

    /** The default policy on {@code day}. */
    @Transactional(readOnly = true)
    public DunningPolicy defaultPolicy(LocalDate day) {
        return inForce(rows.findBySegmentIdIsNull(), day).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("default dunning policy on", day));
    }

    /**
     * The policy for a customer whose deliveries are in {@code segmentIds} on {@code day}: the default when none of the
     * segments has a policy that day, otherwise the mildest of theirs ({@link DunningPolicy#mildestOf}).
     */
    @Transactional(readOnly = true)
    public DunningPolicy forSegments(Collection<Integer> segmentIds, LocalDate day) {
        List<DunningPolicy> policies = segmentIds.isEmpty() ? List.of() : inForce(rows.findBySegmentIdIn(segmentIds), day);
        return policies.isEmpty() ? defaultPolicy(day) : DunningPolicy.mildestOf(policies);
    }

    /** The versions of one segment's policy ({@code null}: the default), oldest first. */
    @Transactional(readOnly = true)
    public List<DatedDunningPolicy> history(Integer segmentId) {
        return new DatedHistory<>(of(segmentId), r -> { }, "validFrom").rows().stream().map(DunningPolicyRow::dated).toList();
    }

    /**
     * Sets a segment's policy ({@code segmentId == null}: the default) from {@code validFrom} on.
     *
     * @throws ValidationFailedException {@code segment.unknown} if there is no such segment
     * @throws no.kraft.cis.rule.ConflictException {@code history.beforeLatest} if it starts before the latest version
     */
    public DatedDunningPolicy add(Integer segmentId, LocalDate validFrom, DunningPolicy policy) {
        entityManager.createNativeQuery("lock table receivables_dunning_policy in share row exclusive mode").executeUpdate();
        DunningPolicyRow row = new DunningPolicyRow(segmentId, Period.from(validFrom), policy);
        try {
            // the identity insert happens on save, so an unknown segment fails here
            new DatedHistory<>(of(segmentId), rows::save, "validFrom").append(row);
            rows.flush();
        } catch (DataIntegrityViolationException unknownSegment) {
            throw ValidationFailedException.of("segmentId", "segment.unknown", "segment " + segmentId + " does not exist");
        }
        return row.dated();
    }

    private List<DunningPolicyRow> of(Integer segmentId) {
        return segmentId == null ? rows.findBySegmentIdIsNull() : rows.findBySegmentId(segmentId);
    }

    private static List<DunningPolicy> inForce(List<DunningPolicyRow> candidates, LocalDate day) {
        return candidates.stream().map(DunningPolicyRow::dated).filter(p -> p.validity().contains(day)).map(DatedDunningPolicy::policy)
                .toList();
    }
}
