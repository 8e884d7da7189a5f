package no.kraft.cis.segment;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import no.kraft.cis.audit.AuditStamp;
import no.kraft.cis.contract.Contract;
import no.kraft.cis.contract.ContractNumber;
import no.kraft.cis.contract.ContractService;
import no.kraft.cis.contract.Delivery;
import no.kraft.cis.invoice.RecalculationNeed;
import no.kraft.cis.invoice.RecalculationNeeds;
import no.kraft.cis.meteringpoint.MeteringPoint;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.meteringpoint.MeteringPointService;
import no.kraft.cis.meteringpoint.PropertyChanged;
import no.kraft.cis.meteringpoint.PropertyCode;
import no.kraft.cis.period.Period;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.NotFoundException;
import no.kraft.cis.rule.ValidationFailedException;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Segment groups, segments and memberships. Staff maintain memberships of MANUAL segments; the compensation segments
 * 101–103 are re-derived from property 900 whenever it changes. Any membership change that reaches into an invoiced
 * period raises a recalculation need for each metering point concerned.
 */
@Service
@Transactional
public class Segments {

    private static final Set<Integer> COMPENSATION = Set.of(Segment.NORGESPRIS_HOUSEHOLD, Segment.NORGESPRIS_HOLIDAY_HOME,
            Segment.STROMSTOTTE);

    private final SegmentGroupRepository groups;
    private final SegmentRepository segments;
    private final SegmentMembershipRepository memberships;
    private final MeteringPointService meteringPoints;
    private final ContractService contracts;
    private final RecalculationNeeds recalculation;
    private final JdbcClient jdbc;
    private final AuditStamp audit;

    Segments(SegmentGroupRepository groups, SegmentRepository segments, SegmentMembershipRepository memberships,
            MeteringPointService meteringPoints, ContractService contracts, RecalculationNeeds recalculation, JdbcClient jdbc,
            AuditStamp audit) {
        this.groups = groups;
        this.segments = segments;
        this.memberships = memberships;
        this.meteringPoints = meteringPoints;
        this.contracts = contracts;
        this.recalculation = recalculation;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A membership with what it applies to, as shown to staff. */
    public record Membership(long id, Segment segment, Period period, Long meteringPointId, Long contractId) {
    }

    @Transactional(readOnly = true)
    public List<SegmentGroup> groups() {
        return groups.findAll(Sort.by("sortOrder", "id"));
    }

    @Transactional(readOnly = true)
    public List<Segment> segments() {
        return segments.findAll(Sort.by("groupId", "sortOrder", "id"));
    }

    @Transactional(readOnly = true)
    public boolean exists(int segmentId) {
        return segments.existsById(segmentId);
    }

    public SegmentGroup defineGroup(int id, String name, int sortOrder, String description) {
        if (groups.existsById(id)) {
            throw new ConflictException("id", "segmentGroup.exists", "segment group " + id + " already exists");
        }
        return groups.saveAndFlush(new SegmentGroup(id, requireName(name), sortOrder, description));
    }

    /** A segment staff maintain by hand. */
    public Segment defineManualSegment(int id, int groupId, String name, int sortOrder, String description) {
        if (segments.existsById(id)) {
            throw new ConflictException("id", "segment.exists", "segment " + id + " already exists");
        }
        if (!groups.existsById(groupId)) {
            throw ValidationFailedException.of("groupId", "segmentGroup.unknown", "segment group " + groupId + " does not exist");
        }
        return segments.saveAndFlush(new Segment(id, groupId, requireName(name), sortOrder, description, Segment.Kind.MANUAL));
    }

    /** Direct memberships of the metering point and those it has through the contracts that supply it, in date order. */
    @Transactional(readOnly = true)
    public List<Membership> memberships(MeteringPointId id) {
        MeteringPoint point = meteringPoints.get(id);
        List<SegmentMembership> found = new ArrayList<>(memberships.findByMeteringPointIdOrderBySegmentIdAscValidFromAsc(point.id()));
        List<Long> contractIds = contractsSupplying(point.id());
        if (!contractIds.isEmpty()) {
            found.addAll(memberships.findByContractIdInOrderBySegmentIdAscValidFromAsc(contractIds));
        }
        return found.stream()
                .sorted(Comparator.comparing((SegmentMembership m) -> m.period().from()).thenComparing(SegmentMembership::segmentId))
                .map(this::view).toList();
    }

    /**
     * Periods in which the metering point belongs to {@code segmentId} directly or through contract {@code contractId}
     * (the one billed) — never through another customer's contract that supplied it before.
     */
    @Transactional(readOnly = true)
    public List<Period> membershipPeriods(long meteringPointId, long contractId, int segmentId) {
        return MembershipPeriod.periods(membershipPeriods(List.of(meteringPointId), List.of(contractId)), meteringPointId, contractId,
                segmentId);
    }

    /** A membership period, of a metering point or a contract. */
    public record MembershipPeriod(int segmentId, Long meteringPointId, Long contractId, Period period) {

        /** The periods in which the metering point, directly or through the contract, is a member of the segment. */
        public static List<Period> periods(List<MembershipPeriod> memberships, long meteringPointId, long contractId, int segmentId) {
            return memberships.stream().filter(m -> m.segmentId() == segmentId)
                    .filter(m -> Long.valueOf(meteringPointId).equals(m.meteringPointId()) || Long.valueOf(contractId).equals(m.contractId()))
                    .map(MembershipPeriod::period).toList();
        }
    }

    /** The membership periods of many metering points and contracts at once (the billing run's chunk). */
    public List<MembershipPeriod> membershipPeriods(java.util.Collection<Long> meteringPointIds, java.util.Collection<Long> contractIds) {
        return jdbc.sql("""
                        select segment_id, metering_point_id, contract_id, valid_from, valid_to from segment_membership
                        where metering_point_id = any(:mps) or contract_id = any(:contracts)
                        order by metering_point_id nulls last, valid_from""")
                .param("mps", meteringPointIds.toArray(Long[]::new)).param("contracts", contractIds.toArray(Long[]::new))
                .query((rs, n) -> new MembershipPeriod(rs.getInt(1), (Long) rs.getObject(2), (Long) rs.getObject(3),
                        new Period(rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class))))
                .list();
    }

    public Membership addToMeteringPoint(MeteringPointId id, int segmentId, Period period) {
        MeteringPoint point = meteringPoints.get(id);
        requireManual(segmentId);
        for (SegmentMembership existing : memberships.findByMeteringPointIdOrderBySegmentIdAscValidFromAsc(point.id())) {
            if (existing.segmentId() == segmentId && existing.period().overlaps(period)) {
                throw new ConflictException("validFrom", "membership.overlap", "already a member of segment " + segmentId
                        + " in " + existing.period());
            }
        }
        SegmentMembership membership = memberships.saveAndFlush(SegmentMembership.ofMeteringPoint(segmentId, point.id(), period));
        recalculation.changed(point.id(), period, RecalculationNeed.Reason.SEGMENT, "added to segment " + segmentId);
        return view(membership);
    }

    public Membership addToContract(ContractNumber number, int segmentId, Period period) {
        Contract contract = contracts.get(number);
        requireManual(segmentId);
        for (SegmentMembership existing : memberships.findByContractIdInOrderBySegmentIdAscValidFromAsc(List.of(contract.id()))) {
            if (existing.segmentId() == segmentId && existing.period().overlaps(period)) {
                throw new ConflictException("validFrom", "membership.overlap", "the contract is already a member of segment "
                        + segmentId + " in " + existing.period());
            }
        }
        SegmentMembership membership = memberships.saveAndFlush(SegmentMembership.ofContract(segmentId, contract.id(), period));
        raiseForContract(contract, period, "contract added to segment " + segmentId);
        return view(membership);
    }

    /** Ends a manual membership on {@code validTo} (exclusive). */
    public Membership end(long membershipId, LocalDate validTo) {
        SegmentMembership membership = memberships.findById(membershipId)
                .orElseThrow(() -> new NotFoundException("segment membership", membershipId));
        requireManual(membership.segmentId());
        Period before = membership.period();
        keepRevision(membership, "ended " + validTo);
        membership.endOn(validTo);
        memberships.saveAndFlush(membership);
        Period removed = new Period(validTo, before.to());
        if (!removed.isEmpty()) {
            if (membership.meteringPointId() != null) {
                recalculation.changed(membership.meteringPointId(), removed, RecalculationNeed.Reason.SEGMENT,
                        "membership of segment " + membership.segmentId() + " ended " + validTo);
            } else {
                raiseForContract(contracts.get(contracts.numberOf(membership.contractId())), removed,
                        "contract membership of segment " + membership.segmentId() + " ended " + validTo);
            }
        }
        return view(membership);
    }

    /** Keeps 101–103 in step with property 900 in the same transaction as the change. */
    @EventListener
    void on(PropertyChanged event) {
        if (event.code() == PropertyCode.SETTLED_COMPENSATION) {
            refreshCompensationSegments(event.meteringPoint());
        }
    }

    /**
     * Re-derives the compensation segments of a metering point from its 900 history. Idempotent: when the memberships
     * already match, nothing is written.
     *
     * @return whether anything changed
     */
    public boolean refreshCompensationSegments(MeteringPointId id) {
        MeteringPoint point = meteringPoints.get(id);
        List<CompensationSegments.Derived> wanted = CompensationSegments.from(point.propertyValues(PropertyCode.SETTLED_COMPENSATION));
        List<SegmentMembership> current = memberships.findByMeteringPointIdAndSegmentIdIn(point.id(), COMPENSATION);
        Set<CompensationSegments.Derived> have = new HashSet<>();
        current.forEach(m -> have.add(new CompensationSegments.Derived(m.segmentId(), m.period())));
        Set<CompensationSegments.Derived> want = new HashSet<>(wanted);
        if (have.equals(want)) {
            return false;
        }
        for (SegmentMembership old : current) {
            keepRevision(old, "re-derived from property 900");
        }
        memberships.deleteAll(current);
        memberships.flush();
        wanted.forEach(d -> memberships.save(SegmentMembership.ofMeteringPoint(d.segmentId(), point.id(), d.period())));
        memberships.flush();
        Period changed = changedDays(have, want);
        recalculation.changed(point.id(), changed, RecalculationNeed.Reason.SEGMENT,
                "compensation segments re-derived from property 900");
        return true;
    }

    /** From the first to the last day on which the two sets of memberships put the metering point in different segments. */
    static Period changedDays(Set<CompensationSegments.Derived> have, Set<CompensationSegments.Derived> want) {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (Set<CompensationSegments.Derived> set : List.of(have, want)) {
            for (CompensationSegments.Derived d : set) {
                days.add(d.period().from());
                if (!d.period().isOpenEnded()) {
                    days.add(d.period().to());
                }
            }
        }
        List<LocalDate> sorted = new ArrayList<>(days);
        LocalDate first = null;
        LocalDate last = null;
        boolean open = false;
        for (int i = 0; i < sorted.size(); i++) {
            LocalDate day = sorted.get(i);
            if (!segmentsOn(have, day).equals(segmentsOn(want, day))) {
                first = first == null ? day : first;
                if (i + 1 < sorted.size()) {
                    last = sorted.get(i + 1);
                } else {
                    open = true;
                }
            }
        }
        if (first == null) {
            return new Period(sorted.getFirst(), sorted.getFirst());
        }
        return new Period(first, open ? null : last);
    }

    private static Set<Integer> segmentsOn(Set<CompensationSegments.Derived> set, LocalDate day) {
        Set<Integer> ids = new HashSet<>();
        set.stream().filter(d -> d.period().contains(day)).forEach(d -> ids.add(d.segmentId()));
        return ids;
    }

    private void raiseForContract(Contract contract, Period period, String detail) {
        for (Delivery delivery : contract.deliveries()) {
            if (delivery.period().overlaps(period)) {
                recalculation.changed(delivery.meteringPointId(), period, RecalculationNeed.Reason.SEGMENT, detail);
            }
        }
    }

    private List<Long> contractsSupplying(long meteringPointId) {
        return jdbc.sql("select distinct contract_id from delivery where metering_point_id = :mp")
                .param("mp", meteringPointId).query(Long.class).list();
    }

    private void requireManual(int segmentId) {
        Segment segment = segments.findById(segmentId).orElseThrow(() -> ValidationFailedException.of("segmentId",
                "segment.unknown", "segment " + segmentId + " does not exist"));
        if (segment.kind() != Segment.Kind.MANUAL) {
            throw new ConflictException("segmentId", "segment.derived", "segment " + segmentId + " (" + segment.name()
                    + ") is maintained by the system from other data and cannot be changed by hand");
        }
    }

    private void keepRevision(SegmentMembership m, String reason) {
        Timestamp now = Timestamp.from(audit.now());
        jdbc.sql("""
                        insert into segment_membership_revision (membership_id, segment_id, metering_point_id, contract_id, valid_from,
                            valid_to, replaced_reason, created_at, created_by, updated_at, updated_by)
                        values (:id, :segment, :mp, :contract, :from, :to, :reason, :now, :actor, :now, :actor)""")
                .param("id", m.id()).param("segment", m.segmentId()).param("mp", m.meteringPointId())
                .param("contract", m.contractId()).param("from", m.period().from()).param("to", m.period().to())
                .param("reason", reason).param("now", now).param("actor", audit.actor())
                .update();
    }

    private Membership view(SegmentMembership m) {
        Segment segment = segments.findById(m.segmentId()).orElseThrow();
        return new Membership(m.id(), segment, m.period(), m.meteringPointId(), m.contractId());
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw ValidationFailedException.of("name", "required", "name must be present (at most 100 characters)");
        }
        return name.strip();
    }
}
