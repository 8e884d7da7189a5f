package no.kraft.cis.tariffelement;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import no.kraft.cis.audit.AuditedEntity;

/** A tariff group (tariffgruppe) holding related elements, e.g. STROMSTOTTE for the compensation lines. */
@Entity
@Table(name = "tariff_group")
public class TariffGroup extends AuditedEntity {

    @Id
    private String code;

    @Version
    private long version;

    private String name;
    private String description;

    protected TariffGroup() {
    }

    TariffGroup(String code, String name, String description) {
        this.code = code;
        this.name = name;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }
}
