package org.peercircle.participant.screening;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.assessment.AssessmentScored;
import org.peercircle.participant.participant.Participant;
import org.peercircle.participant.participant.Participant.Status;
import org.peercircle.participant.screening.EligibilityRule.Evaluation;
import org.peercircle.participant.screening.EligibilityRule.Scores;
import org.peercircle.participant.screening.EligibilityRule.Verdict;
import org.peercircle.participant.screening.ScreeningDecision.Method;
import org.peercircle.participant.screening.ScreeningDecision.Outcome;
import org.peercircle.participant.status.Lifecycle;
import org.peercircle.participant.status.StatusTransitions;
import org.peercircle.platform.inbox.IncomingEvent;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Screening decisions. Automatic ones come from SCREENING-phase assessments: the latest scores per instrument
 * are kept, the centre's rule is evaluated, and a determinate verdict moves the participant along the
 * lifecycle (REFERRED → SCREENING → ELIGIBLE, each step published). Manual ones come from a social worker with
 * a reason. Either way the decision is stored with its basis.
 */
@ApplicationScoped
public class Screening {

    static final String SYSTEM = "system:screening";
    static final String SCREENING_PHASE = "SCREENING";
    private static final Logger LOG = Logger.getLogger(Screening.class);

    @Inject
    Lifecycle lifecycle;

    @Inject
    EntityManager em;

    /**
     * Whether a record on assessment-events can change anything here: only a SCREENING-phase assessment (completed
     * or amended) can. A record that cannot be read counts as concerning us, so that the inbox logs and counts it.
     */
    public static boolean concerns(ConsumerRecord<String, String> record) {
        try {
            return screeningScores(IncomingEvent.from(record)) != null;
        } catch (IncomingEvent.MalformedEventException e) {
            return true;
        }
    }

    /** The scores of a SCREENING-phase assessment event; null for any other event. */
    private static AssessmentScored screeningScores(IncomingEvent event) {
        AssessmentScored scored;
        if (event.is(EventTypes.ASSESSMENT_COMPLETED)) {
            scored = event.payload(EventTypes.ASSESSMENT_COMPLETED);
        } else if (event.is(EventTypes.ASSESSMENT_AMENDED)) {
            scored = event.payload(EventTypes.ASSESSMENT_AMENDED);
        } else {
            return null;
        }
        return SCREENING_PHASE.equals(scored.phase()) ? scored : null;
    }

    @Transactional(TxType.MANDATORY)
    public void onAssessment(IncomingEvent event) {
        AssessmentScored scored = screeningScores(event);
        if (scored == null) {
            return;
        }
        if (scored.participantId() == null || scored.instrumentCode() == null || scored.administrationId() == null
                || scored.administeredAt() == null) {
            throw new IncomingEvent.MalformedEventException(event.type() + " " + event.id()
                    + " lacks participantId, instrumentCode, administrationId or administeredAt");
        }
        // a row lock, so that a worker's edit at the same moment waits instead of failing this event
        Participant p = Participant.findById(scored.participantId(), LockModeType.PESSIMISTIC_WRITE);
        if (p == null || p.erased()) {
            LOG.infof("Screening assessment %s for unknown or erased participant %s ignored", event.id(),
                    scored.participantId());
            return;
        }
        if (!storeScores(p.id, scored, event.id())) {
            LOG.infof("Screening assessment %s is older than the scores already held; ignored", event.id());
            return;
        }
        CentreEligibilityRule configured = CentreEligibilityRule.findById(p.centreId);
        if (configured == null) {
            LOG.infof("Centre %s has no eligibility rule; participant %s awaits a manual decision", p.centreId, p.id);
            return;
        }
        EligibilityRule rule = configured.rule();
        Evaluation evaluation = rule.evaluate(scoresOf(p.id));
        if (evaluation.verdict() == Verdict.PENDING) {
            return;
        }
        Outcome outcome = evaluation.verdict() == Verdict.ELIGIBLE ? Outcome.ELIGIBLE : Outcome.INELIGIBLE;
        ScreeningDecision decision = newDecision(p, outcome, Method.AUTOMATIC, SYSTEM);
        decision.eventId = event.id();
        decision.basis = JsonText.write(new DecisionBasis(rule.describe(), rule.combinator(), evaluation.conditions(),
                event.id(), event.type(), scored.administrationId(), scored.revision(), scored.instrumentCode()));
        Status target = target(outcome);
        if (StatusTransitions.path(p.status, target).isPresent()) {
            lifecycle.advance(p, target, "自动筛查 automatic screening: " + rule.describe(), SYSTEM);
        } else {
            // e.g. already ENROLLED when an amendment arrives: the outcome is kept, the lifecycle is not rewound
            LOG.infof("Participant %s is %s; screening outcome %s kept without a status change", p.id, p.status, outcome);
        }
        decision.statusAfter = p.status;
        decision.persist();
    }

    /** A social worker's decision; 409 when the lifecycle does not lead to it (e.g. from ENROLLED). */
    @Transactional(TxType.MANDATORY)
    public ScreeningDecision decideManually(Participant p, Outcome outcome, String reason, String decidedBy) {
        ScreeningDecision decision = newDecision(p, outcome, Method.MANUAL, decidedBy);
        decision.reason = reason;
        lifecycle.advance(p, target(outcome), reason, decidedBy);
        decision.statusAfter = p.status;
        decision.persist();
        return decision;
    }

    private static ScreeningDecision newDecision(Participant p, Outcome outcome, Method method, String decidedBy) {
        ScreeningDecision d = new ScreeningDecision();
        d.id = UUID.randomUUID();
        d.participantId = p.id;
        d.centreId = p.centreId;
        d.outcome = outcome;
        d.method = method;
        d.statusBefore = p.status;
        d.decidedBy = decidedBy;
        d.decidedAt = OffsetDateTime.now();
        return d;
    }

    private static Status target(Outcome outcome) {
        return outcome == Outcome.ELIGIBLE ? Status.ELIGIBLE : Status.INELIGIBLE;
    }

    /**
     * Keeps the newest screening scores per participant and instrument: a later administration replaces an
     * earlier one, and an amendment replaces a lower revision of the same administration.
     *
     * @return false when the event is older than what is held (nothing to re-evaluate)
     */
    private boolean storeScores(UUID participantId, AssessmentScored s, UUID eventId) {
        String subscales = JsonText.write(s.subscaleScores() == null ? Map.of() : s.subscaleScores());
        int changed = em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO screening_score (participant_id, instrument_code, administration_id, revision,
                                                 administered_at, total_score, subscale_scores, event_id)
                    VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?)
                    ON CONFLICT (participant_id, instrument_code) DO UPDATE SET
                        administration_id = EXCLUDED.administration_id, revision = EXCLUDED.revision,
                        administered_at = EXCLUDED.administered_at, total_score = EXCLUDED.total_score,
                        subscale_scores = EXCLUDED.subscale_scores, event_id = EXCLUDED.event_id
                    WHERE (screening_score.administration_id = EXCLUDED.administration_id
                           AND screening_score.revision < EXCLUDED.revision)
                       OR (screening_score.administration_id <> EXCLUDED.administration_id
                           AND screening_score.administered_at <= EXCLUDED.administered_at)
                    """)) {
                upsert.setObject(1, participantId);
                upsert.setString(2, EligibilityRule.key(s.instrumentCode()));
                upsert.setObject(3, s.administrationId());
                upsert.setInt(4, s.revision());
                upsert.setObject(5, s.administeredAt());
                if (s.totalScore() == null) {
                    upsert.setNull(6, java.sql.Types.DOUBLE);
                } else {
                    upsert.setDouble(6, s.totalScore());
                }
                upsert.setString(7, subscales);
                upsert.setObject(8, eventId);
                return upsert.executeUpdate();
            }
        });
        return changed > 0;
    }

    private Map<String, Scores> scoresOf(UUID participantId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT instrument_code, total_score, CAST(subscale_scores AS text)
                FROM screening_score WHERE participant_id = ?1
                """).setParameter(1, participantId).getResultList();
        Map<String, Scores> scores = new HashMap<>();
        for (Object[] row : rows) {
            Map<String, Double> subscales = JsonText.read((String) row[2], new TypeReference<Map<String, Double>>() {
            });
            scores.put((String) row[0], new Scores(row[1] == null ? null : ((Number) row[1]).doubleValue(), subscales));
        }
        return scores;
    }
}
