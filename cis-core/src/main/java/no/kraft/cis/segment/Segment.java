package no.kraft.cis.segment;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import no.kraft.cis.audit.AuditedEntity;

/**
 * A billing segment (faktureringssegment). A tariff element can require one: it is then billed only for the part of
 * the period in which the metering point (or its contract) is a member.
 */
@Entity
@Table(name = "segment")
public class Segment extends AuditedEntity {

    /** Who maintains the memberships. */
    public enum Kind {
        /** The system, from other data (101–103 from property 900). */
        DERIVED,
        /** Staff. */
        MANUAL
    }

    public static final int NORGESPRIS_HOUSEHOLD = 101;
    public static final int NORGESPRIS_HOLIDAY_HOME = 102;
    public static final int STROMSTOTTE = 103;

    @Id
    private Integer id;

    @Version
    private long version;

    private int groupId;
    private String name;
    private int sortOrder;
    private String description;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    protected Segment() {
    }

    Segment(int id, int groupId, String name, int sortOrder, String description, Kind kind) {
        this.id = id;
        this.groupId = groupId;
        this.name = name;
        this.sortOrder = sortOrder;
        this.description = description;
        this.kind = kind;
    }

    public int id() {
        return id;
    }

    public int groupId() {
        return groupId;
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

    public Kind kind() {
        return kind;
    }
}
