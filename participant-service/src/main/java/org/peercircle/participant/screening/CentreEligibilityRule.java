package org.peercircle.participant.screening;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.ColumnTransformer;
import org.peercircle.participant.screening.EligibilityRule.Combinator;
import org.peercircle.participant.screening.EligibilityRule.Condition;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The eligibility rule a centre configured; one per centre. */
@Entity
@Table(name = "eligibility_rule")
public class CentreEligibilityRule extends PanacheEntityBase {

    @Id
    public UUID centreId;
    @Enumerated(EnumType.STRING)
    public Combinator combinator;
    @ColumnTransformer(write = "?::jsonb")
    public String conditions;
    @Version
    public long version;
    public String updatedBy;
    public OffsetDateTime updatedAt;

    public EligibilityRule rule() {
        return new EligibilityRule(combinator, JsonText.read(conditions, new TypeReference<List<Condition>>() {
        }));
    }

    public void setRule(EligibilityRule rule) {
        combinator = rule.combinator();
        conditions = JsonText.write(rule.conditions());
    }
}
