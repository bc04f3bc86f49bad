package org.peercircle.assessment.instrument;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.peercircle.assessment.scoring.Instrument;
import org.peercircle.assessment.scoring.InstrumentJson;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One version of an instrument as stored: its canonical definition and whether a form has used it. */
@Entity
@Table(name = "instrument_version")
@IdClass(StoredInstrument.Key.class)
public class StoredInstrument extends PanacheEntityBase {

    public static class Key implements Serializable {
        public String code;
        public int version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(code, k.code) && version == k.version;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(code, version);
        }
    }

    @Id
    public String code;
    @Id
    public int version;
    public String definition;
    public boolean builtIn;
    public OffsetDateTime createdAt;
    public String createdBy;
    public OffsetDateTime firstUsedAt;

    public Instrument instrument() {
        return InstrumentJson.read(definition);
    }

    public boolean used() {
        return firstUsedAt != null;
    }

    public static Optional<StoredInstrument> find(String code, int version) {
        return find("code = ?1 and version = ?2", code, version).firstResultOptional();
    }

    public static Optional<StoredInstrument> latest(String code) {
        return find("code = ?1 order by version desc", code).firstResultOptional();
    }

    public static List<Integer> versions(String code) {
        return find("code = ?1 order by version", code).<StoredInstrument>list().stream().map(s -> s.version).toList();
    }
}
