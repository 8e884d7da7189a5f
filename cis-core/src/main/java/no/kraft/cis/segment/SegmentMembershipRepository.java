package no.kraft.cis.segment;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SegmentMembershipRepository extends JpaRepository<SegmentMembership, Long> {

    List<SegmentMembership> findByMeteringPointIdOrderBySegmentIdAscValidFromAsc(long meteringPointId);

    List<SegmentMembership> findByContractIdInOrderBySegmentIdAscValidFromAsc(Collection<Long> contractIds);

    List<SegmentMembership> findByMeteringPointIdAndSegmentIdIn(long meteringPointId, Collection<Integer> segmentIds);
}
