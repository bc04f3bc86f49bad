package org.peercircle.assessment.instrument;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The wording of one instrument version in one locale, as loaded by a coordinator. */
@Entity
@Table(name = "instrument_text")
@IdClass(InstrumentText.Key.class)
public class InstrumentText extends PanacheEntityBase {

    public static class Key implements Serializable {
        public String code;
        public int version;
        public String locale;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(code, k.code) && version == k.version
                    && java.util.Objects.equals(locale, k.locale);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(code, version, locale);
        }
    }

    @Id
    public String code;
    @Id
    public int version;
    @Id
    public String locale;
    public String texts;
    public OffsetDateTime updatedAt;
    public String updatedBy;

    public static List<InstrumentText> of(String code, int version) {
        return list("code = ?1 and version = ?2 order by locale", code, version);
    }
}
