package org.peercircle.participant.participant;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A probable duplicate: someone already registered in the same centre with the same birth date and either
 * the same phone number or a similar name ({@link NameSimilarity}). The caller filters by centre and birth
 * date (the database does that); this class decides on phone and name.
 */
public final class DuplicateRule {

    public enum MatchedOn { BIRTH_DATE, PHONE, NAME }

    /** Someone already registered in the same centre with the same birth date. */
    public record Existing(UUID id, String fullName, String phone) {
    }

    public record Duplicate(UUID existingId, Set<MatchedOn> matchedOn) {
    }

    private DuplicateRule() {
    }

    public static Optional<Duplicate> find(String fullName, String phone, List<Existing> sameCentreAndBirthDate) {
        String normalisedPhone = Phones.normalise(phone);
        Duplicate best = null;
        for (Existing e : sameCentreAndBirthDate) {
            Set<MatchedOn> matched = EnumSet.of(MatchedOn.BIRTH_DATE);
            if (normalisedPhone != null && normalisedPhone.equals(Phones.normalise(e.phone()))) {
                matched.add(MatchedOn.PHONE);
            }
            if (NameSimilarity.similar(fullName, e.fullName())) {
                matched.add(MatchedOn.NAME);
            }
            if (matched.size() > 1 && (best == null || matched.size() > best.matchedOn().size())) {
                best = new Duplicate(e.id(), Set.copyOf(matched));
            }
        }
        return Optional.ofNullable(best);
    }
}
