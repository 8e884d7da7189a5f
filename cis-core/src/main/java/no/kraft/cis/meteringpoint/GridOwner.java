package no.kraft.cis.meteringpoint;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import no.kraft.cis.audit.AuditedEntity;
import no.kraft.cis.rule.InvalidValueException;

/** A grid owner (netteier / nettselskap, DSO), identified by its GLN. Shown to staff and partners per metering point. */
@Entity
@Table(name = "grid_owner")
public class GridOwner extends AuditedEntity {

    @Id
    private String gln;

    @Version
    private long version;

    private String name;

    protected GridOwner() {
    }

    GridOwner(Gln gln, String name) {
        this.gln = gln.value();
        rename(name);
    }

    void rename(String newName) {
        if (newName == null || newName.isBlank() || newName.length() > 200) {
            throw new InvalidValueException("gridOwner.name", "name must be present (at most 200 characters)");
        }
        this.name = newName.strip();
    }

    public Gln gln() {
        return new Gln(gln);
    }

    public String name() {
        return name;
    }

    public long version() {
        return version;
    }
}
