package no.kraft.cis.segment;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import no.kraft.cis.audit.AuditedEntity;

/** A group of billing segments (segmentgruppe), e.g. 101 "Kompensasjon". */
@Entity
@Table(name = "segment_group")
public class SegmentGroup extends AuditedEntity {

    @Id
    private Integer id;

    @Version
    private long version;

    private String name;
    private int sortOrder;
    private String description;

    protected SegmentGroup() {
    }

    SegmentGroup(int id, String name, int sortOrder, String description) {
        this.id = id;
        this.name = name;
        this.sortOrder = sortOrder;
        this.description = description;
    }

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    public int sortOrder() {
        return sortOrder;
    }

    public String description() {
        return description;
    }
}
