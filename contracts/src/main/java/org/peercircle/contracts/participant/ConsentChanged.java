package org.peercircle.contracts.participant;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code participant.consent-changed.v1}: a consent was given or withdrawn. When ANALYTICS consent is
 * withdrawn, reporting excludes the person from every figure and export.
 */
public record ConsentChanged(
        UUID participantId,
        UUID centreId,
        ConsentType consentType,
        boolean granted,
        GivenBy givenBy,
        LocalDate effectiveDate) {

    public enum ConsentType { SERVICE, ANALYTICS }

    /** The person themself, or a proxy (a family member or guardian) on their behalf. */
    public enum GivenBy { SELF, PROXY }
}
