package no.kraft.cis.receivables;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DunningPolicyRepository extends JpaRepository<DunningPolicyRow, Long> {

    List<DunningPolicyRow> findBySegmentId(Integer segmentId);

    List<DunningPolicyRow> findBySegmentIdIsNull();

    List<DunningPolicyRow> findBySegmentIdIn(Collection<Integer> segmentIds);
}
