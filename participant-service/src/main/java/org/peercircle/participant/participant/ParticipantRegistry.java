package org.peercircle.participant.participant;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.participant.ParticipantRegistered;
import org.peercircle.participant.centre.Centre;
import org.peercircle.platform.outbox.Outbox;
import org.peercircle.platform.problem.ProblemException;
import org.peercircle.platform.security.Caller;

/** Registering and reading participants, always within the caller's centres. */
@ApplicationScoped
public class ParticipantRegistry {

    /** Centres work on China Standard Time; ages and "today" are taken there. */
    static final ZoneId CENTRE_ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    @Transactional
    public ParticipantView register(RegistrationRequest request) {
        caller.requireCentre(request.centreId(), "centre", request.centreId());
        if (Centre.findById(request.centreId()) == null) {
            throw ProblemException.notFound("centre", request.centreId());
        }
        LocalDate today = today();
        if (request.movedToCityYear() != null
                && (request.movedToCityYear() < request.birthDate().getYear() || request.movedToCityYear() > today.getYear())) {
            throw ProblemException.invalid("movedToCityYear", "must lie between the birth year and this year");
        }
        Participant p = new Participant();
        p.id = UUID.randomUUID();
        p.centreId = request.centreId();
        p.fullName = request.fullName().strip();
        p.gender = request.gender();
        p.birthDate = request.birthDate();
        p.phone = request.phone().replace("-", "");
        p.neighbourhood = request.neighbourhood();
        p.livingSituation = request.livingSituation();
        if (request.hometown() != null) {
            p.hometownProvince = request.hometown().province();
            p.hometownCity = request.hometown().city();
        }
        p.movedToCityYear = request.movedToCityYear();
        p.moveReason = request.moveReason();
        p.referralSource = request.referralSource();
        p.status = Participant.Status.REFERRED;
        p.registeredAt = OffsetDateTime.now(CENTRE_ZONE);
        p.persist();

        outbox.publish(EventTypes.PARTICIPANT_REGISTERED, p.id, new ParticipantRegistered(p.id, p.centreId,
                CohortRules.ageBand(p.birthDate, today), p.gender, p.livingSituation,
                CohortRules.migrant(p.birthDate, p.gender, p.movedToCityYear), p.referralSource.name(),
                p.registeredAt));
        return ParticipantView.of(p, today);
    }

    @Transactional
    public ParticipantView get(UUID id) {
        return view(find(id));
    }

    /** The participant with {@code id} if the caller may see its centre; 404 otherwise. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Participant find(UUID id) {
        Participant p = Participant.findById(id);
        if (p == null) {
            throw ProblemException.notFound("participant", id);
        }
        caller.requireCentre(p.centreId, "participant", id);
        return p;
    }

    public ParticipantView view(Participant p) {
        return ParticipantView.of(p, today());
    }

    static LocalDate today() {
        return LocalDate.now(CENTRE_ZONE);
    }
}
