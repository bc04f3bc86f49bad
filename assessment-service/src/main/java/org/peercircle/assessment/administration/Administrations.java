package org.peercircle.assessment.administration;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.peercircle.assessment.AdvisoryLocks;
import org.peercircle.assessment.fhir.ResponseExport;
import org.peercircle.assessment.group.GroupRoster;
import org.peercircle.assessment.instrument.InstrumentLibrary;
import org.peercircle.assessment.instrument.StoredInstrument;
import org.peercircle.assessment.scoring.Answer;
import org.peercircle.assessment.scoring.Instrument;
import org.peercircle.assessment.scoring.InvalidAnswersException;
import org.peercircle.assessment.scoring.ScoreResult;
import org.peercircle.assessment.scoring.Scorer;
import org.peercircle.assessment.scoring.Scoring;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.assessment.AssessmentScored;
import org.peercircle.platform.outbox.Outbox;
import org.peercircle.platform.participants.ParticipantDirectory.Entry;
import org.peercircle.platform.problem.ProblemException;
import org.peercircle.platform.security.Caller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Submitting, amending and reading administrations. Each write validates and scores on the server, stores the form
 * and its revision, and records its event in the outbox, all in one transaction: an error stores nothing.
 */
@ApplicationScoped
public class Administrations {

    /** Centres work on China Standard Time; dates are shown and published with its offset. */
    static final ZoneId CENTRE_ZONE = ZoneId.of("Asia/Shanghai");
    /** Clocks of tablets and the city platform drift; a form "from the future" beyond this is a mistake. */
    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[\\x21-\\x7E]{1,200}$");
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    ParticipantAccess participants;

    @Inject
    InstrumentLibrary library;

    @Inject
    GroupRoster groups;

    @Inject
    Outbox outbox;

    /** The stored form; {@code replayed} when an earlier submission with the same idempotency key answered. */
    public record Submitted(AdministrationView view, boolean replayed) {
    }

    @Transactional
    public Submitted submit(AdministrationRequest request, String idempotencyKey) {
        String hash = null;
        if (idempotencyKey != null) {
            if (!IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
                throw ProblemException.invalid("Idempotency-Key", "must be 1–200 visible ASCII characters");
            }
            hash = hash(request);
            AdvisoryLocks.IDEMPOTENCY_KEY.lock(em, caller.subject() + "\n" + idempotencyKey);
            Optional<Administration> earlier = Administration.<Administration>find(
                    "submittedBy = ?1 and idempotencyKey = ?2", caller.subject(), idempotencyKey).firstResultOptional();
            if (earlier.isPresent()) {
                if (!hash.equals(earlier.get().requestHash)) {
                    throw ProblemException.conflict("Idempotency-Key " + idempotencyKey
                            + " was already used for a different submission")
                            .with("administrationId", earlier.get().id);
                }
                caller.requireCentre(earlier.get().centreId, "administration", earlier.get().id);
                return new Submitted(view(earlier.get()), true);
            }
        }
        Entry participant = participants.require(request.participantId());
        requireNotInFuture("administeredAt", request.administeredAt());
        if (request.phase() == Phase.SESSION_FEEDBACK && request.groupId() == null) {
            throw ProblemException.invalid("groupId", "is required for SESSION_FEEDBACK");
        }
        if (request.groupId() != null) {
            groups.requireSameCentre(request.groupId(), participant.centreId());
        }
        Instrument instrument = library.useForScoring(request.instrumentCode(), request.instrumentVersion())
                .orElseThrow(() -> request.instrumentVersion() == null
                        ? ProblemException.invalid("instrumentCode", "no instrument " + request.instrumentCode())
                        : ProblemException.invalid("instrumentVersion", request.instrumentCode() + " has no version "
                                + request.instrumentVersion()));
        Map<String, Answer> answers = parse(request.answers());
        ScoreResult result = score(instrument, answers);

        OffsetDateTime now = OffsetDateTime.now(CENTRE_ZONE);
        Administration a = new Administration();
        a.id = UUID.randomUUID();
        a.participantId = participant.participantId();
        a.centreId = participant.centreId();
        a.groupId = request.groupId();
        a.instrumentCode = instrument.code();
        a.instrumentVersion = instrument.version();
        a.phase = request.phase();
        a.mode = request.mode();
        a.administeredAt = inCentreTime(request.administeredAt());
        a.revision = 0;
        a.submittedAt = now;
        a.submittedBy = caller.subject();
        a.idempotencyKey = idempotencyKey;
        a.requestHash = hash;
        apply(a, answers, result);
        AdministrationRevision first = revision(a, null, a.submittedBy, now);
        Outbox.Event completed = outbox.event(EventTypes.ASSESSMENT_COMPLETED, a.participantId,
                event(a, instrument, result));
        em.unwrap(Session.class).doWork(connection -> AdministrationInsert.run(connection, a, first, completed));
        return new Submitted(view(a, instrument, List.of(first)), false);
    }

    @Transactional
    public AdministrationView amend(UUID id, AmendmentRequest request) {
        Administration a = em.find(Administration.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw ProblemException.notFound("administration", id);
        }
        caller.requireCentre(a.centreId, "administration", id);
        participants.require(a.participantId);
        if (request.version() != a.version) {
            throw ProblemException.conflict("Administration " + id + " was changed since version " + request.version()
                    + "; reload it and apply your correction again").with("currentVersion", a.version);
        }
        Instrument instrument = library.useForScoring(a.instrumentCode, a.instrumentVersion).orElseThrow();
        Map<String, Answer> answers = parse(request.answers());
        ScoreResult result = score(instrument, answers);
        if (request.administeredAt() != null) {
            requireNotInFuture("administeredAt", request.administeredAt());
            a.administeredAt = inCentreTime(request.administeredAt());
        }
        a.revision += 1;
        apply(a, answers, result);
        record(a, request.reason().strip(), caller.subject(), OffsetDateTime.now(CENTRE_ZONE));
        outbox.publish(EventTypes.ASSESSMENT_AMENDED, a.participantId, event(a, instrument, result));
        em.flush();
        return view(a, instrument, AdministrationRevision.of(a.id));
    }

    @Transactional
    public AdministrationView get(UUID id) {
        return view(visible(id));
    }

    /** The administration if the caller may see its centre; 404 otherwise. */
    @Transactional
    public Administration visible(UUID id) {
        Administration a = Administration.findById(id);
        if (a == null) {
            throw ProblemException.notFound("administration", id);
        }
        caller.requireCentre(a.centreId, "administration", id);
        return a;
    }

    /** The current revision as a FHIR QuestionnaireResponse, with the wording loaded for the instrument. */
    @Transactional
    public ObjectNode asFhir(UUID id) {
        Administration a = visible(id);
        Instrument instrument = library.resolve(a.instrumentCode, a.instrumentVersion).instrument();
        return ResponseExport.of(instrument, new ResponseExport.Form(a.id, a.participantId,
                inCentreTime(a.administeredAt), a.revision, AnswerCodec.read(a.answers)));
    }

    @Transactional
    public ParticipantScores scores(UUID participantId, String instrumentCode) {
        participants.require(participantId);
        List<Administration> all = instrumentCode == null
                ? Administration.list("participantId = ?1 order by instrumentCode, administeredAt", participantId)
                : Administration.list("participantId = ?1 and instrumentCode = ?2 order by administeredAt",
                        participantId, instrumentCode);
        Map<String, List<Administration>> byInstrument = all.stream()
                .collect(Collectors.groupingBy(a -> a.instrumentCode, TreeMap::new, Collectors.toList()));
        List<ParticipantScores.InstrumentHistory> histories = new ArrayList<>();
        byInstrument.forEach((code, administrations) -> {
            Instrument latest = library.definition(StoredInstrument.latest(code).orElseThrow());
            histories.add(new ParticipantScores.InstrumentHistory(code, latest.name(), latest.worseWhenHigher(),
                    administrations.stream().map(a -> new ParticipantScores.Score(a.id, a.instrumentVersion, a.phase,
                            inCentreTime(a.administeredAt), a.groupId, a.totalScore,
                            AnswerCodec.readScores(a.subscaleScores), a.band, a.prorated, a.revision)).toList()));
        });
        return new ParticipantScores(participantId, histories);
    }

    /** The instrument a stored administration was scored with. */
    Instrument instrumentOf(Administration a) {
        return library.usedDefinition(a.instrumentCode, a.instrumentVersion).orElseThrow();
    }

    private static Map<String, Answer> parse(Map<String, JsonNode> answers) {
        try {
            return AnswerCodec.parse(answers);
        } catch (InvalidAnswersException e) {
            throw InstrumentLibrary.invalid(e.violations());
        }
    }

    private static ScoreResult score(Instrument instrument, Map<String, Answer> answers) {
        try {
            return Scorer.score(instrument, answers);
        } catch (InvalidAnswersException e) {
            throw InstrumentLibrary.invalid(e.violations());
        }
    }

    private static void apply(Administration a, Map<String, Answer> answers, ScoreResult result) {
        a.answers = AnswerCodec.write(answers);
        a.totalScore = result.total();
        a.subscaleScores = AnswerCodec.write(result.subscales());
        a.band = result.bandCode();
        a.prorated = result.prorated();
    }

    private static AdministrationRevision record(Administration a, String reason, String by, OffsetDateTime at) {
        AdministrationRevision r = revision(a, reason, by, at);
        r.persist();
        return r;
    }

    /** The revision that {@code a} now is, not yet stored. */
    private static AdministrationRevision revision(Administration a, String reason, String by, OffsetDateTime at) {
        AdministrationRevision r = new AdministrationRevision();
        r.administrationId = a.id;
        r.revision = a.revision;
        r.administeredAt = a.administeredAt;
        r.answers = a.answers;
        r.totalScore = a.totalScore;
        r.subscaleScores = a.subscaleScores;
        r.band = a.band;
        r.prorated = a.prorated;
        r.reason = reason;
        r.recordedAt = at;
        r.recordedBy = by;
        return r;
    }

    /** Scores, the keys reporting needs for the reliable change index, and item values: no text of any kind. */
    static AssessmentScored event(Administration a, Instrument instrument, ScoreResult result) {
        return new AssessmentScored(a.id, a.revision, a.participantId, a.centreId, a.groupId, a.instrumentCode,
                a.instrumentVersion, a.phase.name(), inCentreTime(a.administeredAt), toDouble(result.total()),
                doubles(result.subscales()), result.bandCode(), result.prorated(), instrument.worseWhenHigher(),
                toDouble(instrument.reliability()), instrument.norms() == null ? null : toDouble(instrument.norms().sd()),
                doubles(result.itemValues()), subscaleConstants(instrument, Scoring.Scale::reliability),
                subscaleConstants(instrument, sub -> sub.norms() == null ? null : sub.norms().sd()));
    }

    /** A constant of each subscale that declares it; null when none does, as in events from before subscales had any. */
    private static Map<String, Double> subscaleConstants(Instrument instrument,
            Function<Scoring.Scale, BigDecimal> constant) {
        if (instrument.scoring() == null) {
            return null;
        }
        Map<String, Double> values = new TreeMap<>();
        instrument.scoring().subscales().forEach(sub -> {
            BigDecimal value = constant.apply(sub);
            if (value != null) {
                values.put(sub.code(), value.doubleValue());
            }
        });
        return values.isEmpty() ? null : values;
    }

    AdministrationView view(Administration a) {
        return view(a, instrumentOf(a), AdministrationRevision.of(a.id));
    }

    /** @param revisions all of {@code a}'s revisions, oldest first */
    private static AdministrationView view(Administration a, Instrument instrument,
            List<AdministrationRevision> revisions) {
        var band = a.band == null ? null : instrument.band(a.band).orElse(null);
        List<AdministrationView.Revision> history = revisions.stream()
                .map(r -> new AdministrationView.Revision(r.revision, inCentreTime(r.administeredAt),
                        AnswerCodec.plain(AnswerCodec.read(r.answers)), r.totalScore,
                        AnswerCodec.readScores(r.subscaleScores), r.band, r.prorated, r.reason,
                        inCentreTime(r.recordedAt), r.recordedBy))
                .toList();
        return new AdministrationView(a.id, a.participantId, a.centreId, a.groupId, a.instrumentCode,
                a.instrumentVersion, a.phase, a.mode, inCentreTime(a.administeredAt),
                AnswerCodec.plain(AnswerCodec.read(a.answers)), a.totalScore, AnswerCodec.readScores(a.subscaleScores),
                a.band, band == null ? null : band.label(), a.prorated, a.revision, a.version,
                inCentreTime(a.submittedAt), history);
    }

    static OffsetDateTime inCentreTime(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(CENTRE_ZONE).toOffsetDateTime();
    }

    private static void requireNotInFuture(String field, OffsetDateTime at) {
        if (at.isAfter(OffsetDateTime.now().plus(CLOCK_TOLERANCE))) {
            throw ProblemException.invalid(field, "lies in the future");
        }
    }

    /** What makes two submissions "the same form": everything the client sent. */
    private static String hash(AdministrationRequest r) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("participantId", r.participantId());
        canonical.put("groupId", r.groupId());
        canonical.put("instrumentCode", r.instrumentCode());
        canonical.put("instrumentVersion", r.instrumentVersion());
        canonical.put("phase", r.phase());
        canonical.put("mode", r.mode());
        canonical.put("administeredAt", r.administeredAt() == null ? null : r.administeredAt().toInstant().toString());
        canonical.put("answers", new TreeMap<String, JsonNode>(r.answers()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(CANONICAL.writeValueAsString(canonical)
                    .getBytes(UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Double toDouble(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    private static Map<String, Double> doubles(Map<String, BigDecimal> values) {
        return values.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().doubleValue(),
                (x, y) -> x, TreeMap::new));
    }
}
