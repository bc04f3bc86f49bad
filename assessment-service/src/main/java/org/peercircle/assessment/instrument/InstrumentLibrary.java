package org.peercircle.assessment.instrument;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.peercircle.assessment.AdvisoryLocks;
import org.peercircle.assessment.scoring.Instrument;
import org.peercircle.assessment.scoring.InstrumentJson;
import org.peercircle.assessment.scoring.InstrumentJson.UnreadableDefinitionException;
import org.peercircle.assessment.scoring.Violation;
import org.peercircle.platform.problem.Problem;
import org.peercircle.platform.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The instrument library: reading versions with their loaded wording, defining versions, loading wording. */
@ApplicationScoped
public class InstrumentLibrary {

    public static final Pattern LOCALE = Pattern.compile("^[a-z]{2,3}(-[A-Z]{2}|-[A-Z][a-z]{3})?$");

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** How a definition request ended. */
    public enum Outcome {
        CREATED, UNCHANGED, REPLACED
    }

    public record Defined(Outcome outcome, Instrument instrument) {
    }

    /** A stored version with its wording applied and whether it is in use. */
    public record Resolved(StoredInstrument stored, Instrument instrument, List<String> loadedLocales) {
    }

    private record Key(String code, int version) {
    }

    /**
     * Parsed definitions of versions that administrations used (a committed mark): they never change again, so they
     * are kept for the life of the process, on every replica. Wording is not kept here; it can change at any time.
     */
    private final ConcurrentMap<Key, Instrument> used = new ConcurrentHashMap<>();

    private static final Duration LATEST_FOR = Duration.ofSeconds(1);

    private record Latest(int version, long readAt) {
    }

    /** See {@link #latestVersion}. */
    private final ConcurrentMap<String, Latest> latest = new ConcurrentHashMap<>();

    public record Summary(String code, int latestVersion, List<Integer> versions, java.util.Map<String, String> name,
            boolean builtIn, boolean shipsItemText, List<String> loadedLocales) {
    }

    @Transactional
    public List<Summary> list(int page, int size) {
        @SuppressWarnings("unchecked")
        List<String> codes = em.createNativeQuery(
                "SELECT DISTINCT code FROM instrument_version ORDER BY code OFFSET ?1 LIMIT ?2")
                .setParameter(1, (long) page * size).setParameter(2, size).getResultList();
        List<Summary> summaries = new ArrayList<>();
        for (String code : codes) {
            StoredInstrument latest = StoredInstrument.latest(code).orElseThrow();
            Instrument instrument = definition(latest);
            summaries.add(new Summary(code, latest.version, StoredInstrument.versions(code), instrument.name(),
                    latest.builtIn, instrument.shipsItemText(),
                    InstrumentText.of(code, latest.version).stream().map(t -> t.locale).toList()));
        }
        return summaries;
    }

    @Transactional
    public long count() {
        return ((Number) em.createNativeQuery("SELECT count(DISTINCT code) FROM instrument_version")
                .getSingleResult()).longValue();
    }

    /** The version asked for (the latest when {@code version} is null) with its loaded wording; 404 if none. */
    @Transactional
    public Resolved resolve(String code, Integer version) {
        return find(code, version).orElseThrow(() -> ProblemException.notFound("instrument",
                version == null ? code : code + " v" + version));
    }

    @Transactional
    public Optional<Resolved> find(String code, Integer version) {
        Optional<StoredInstrument> stored = version == null ? StoredInstrument.latest(code)
                : StoredInstrument.find(code, version);
        return stored.map(this::withTexts);
    }

    private Resolved withTexts(StoredInstrument stored) {
        Instrument instrument = definition(stored);
        List<String> locales = new ArrayList<>();
        for (InstrumentText text : InstrumentText.of(stored.code, stored.version)) {
            instrument = read(text.texts).applyTo(instrument, text.locale);
            locales.add(text.locale);
        }
        return new Resolved(stored, instrument, locales);
    }

    /**
     * Stores a coordinator's definition. The same definition again changes nothing; a different one replaces an
     * unused, coordinator-defined version and is refused (409) for a version already used or built in.
     */
    @Transactional
    public Defined define(JsonNode definition, String definedBy) {
        Instrument instrument;
        try {
            instrument = InstrumentJson.read(definition);
        } catch (UnreadableDefinitionException e) {
            throw invalid(e.violations());
        }
        AdvisoryLocks.INSTRUMENT.lock(em, instrument.code());
        String canonical = InstrumentJson.write(instrument);
        Optional<StoredInstrument> existing = StoredInstrument.find(instrument.code(), instrument.version());
        if (existing.isEmpty()) {
            StoredInstrument stored = new StoredInstrument();
            stored.code = instrument.code();
            stored.version = instrument.version();
            stored.definition = canonical;
            stored.builtIn = false;
            stored.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            stored.createdBy = definedBy;
            stored.persist();
            latest.remove(instrument.code());
            return new Defined(Outcome.CREATED, instrument);
        }
        StoredInstrument stored = existing.get();
        if (stored.definition.equals(canonical)) {
            return new Defined(Outcome.UNCHANGED, instrument);
        }
        if (stored.builtIn) {
            throw ProblemException.conflict(instrument.code() + " v" + instrument.version()
                    + " is built in; define a new version instead");
        }
        // conditional on still being unused: a submission marks the row used (and locks it) before scoring with it
        int replaced = em.createNativeQuery("""
                UPDATE instrument_version SET definition = ?1, created_at = now(), created_by = ?2
                WHERE code = ?3 AND version = ?4 AND first_used_at IS NULL
                """).setParameter(1, canonical).setParameter(2, definedBy).setParameter(3, instrument.code())
                .setParameter(4, instrument.version()).executeUpdate();
        if (replaced == 0) {
            throw ProblemException.conflict(instrument.code() + " v" + instrument.version()
                    + " has been used by administrations and cannot change; publish version "
                    + (StoredInstrument.versions(instrument.code()).stream().max(Integer::compare).orElse(0) + 1)
                    + " instead");
        }
        return new Defined(Outcome.REPLACED, instrument);
    }

    /** Replaces the wording of one locale. */
    @Transactional
    public Resolved loadTexts(String code, int version, String locale, InstrumentTexts texts, String loadedBy) {
        if (!LOCALE.matcher(locale).matches()) {
            throw ProblemException.invalid("locale", "must be a language tag such as zh-CN or en");
        }
        StoredInstrument stored = StoredInstrument.find(code, version)
                .orElseThrow(() -> ProblemException.notFound("instrument", code + " v" + version));
        List<Violation> violations = texts.check(definition(stored));
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        InstrumentText row = InstrumentText.<InstrumentText>find("code = ?1 and version = ?2 and locale = ?3", code,
                version, locale).firstResultOptional().orElseGet(() -> {
                    InstrumentText t = new InstrumentText();
                    t.code = code;
                    t.version = version;
                    t.locale = locale;
                    return t;
                });
        row.texts = write(texts);
        row.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        row.updatedBy = loadedBy;
        row.persist();
        em.flush();
        return withTexts(stored);
    }

    /**
     * The definition a form is scored with, marked used in the caller's transaction: from then on it is immutable.
     * The mark is written (and the row locked) only while the version is still unused, before the definition is
     * read, so a concurrent replacement either happened before and is what gets used, or finds the version used and
     * is refused. Once a version is used, submissions neither write nor lock its row, and scoring uses the parsed
     * definition kept in {@link #used}.
     *
     * @param version null for the latest version
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Instrument> useForScoring(String code, Integer version) {
        Integer resolved = version != null ? version : latestVersion(code);
        if (resolved == null) {
            return Optional.empty();
        }
        Key key = new Key(code, resolved);
        Instrument known = used.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        int marked = em.createNativeQuery("""
                UPDATE instrument_version SET first_used_at = now()
                WHERE code = ?1 AND version = ?2 AND first_used_at IS NULL
                """).setParameter(1, code).setParameter(2, resolved).executeUpdate();
        @SuppressWarnings("unchecked")
        List<String> definition = em.createNativeQuery(
                "SELECT definition FROM instrument_version WHERE code = ?1 AND version = ?2")
                .setParameter(1, code).setParameter(2, resolved).getResultList();
        if (definition.isEmpty()) {
            return Optional.empty();
        }
        Instrument instrument = InstrumentJson.read(definition.get(0));
        if (marked == 0) {
            // another transaction marked it and committed: immutable for good. Our own mark is not kept until a
            // later submission finds it committed, since this transaction may still roll back (invalid answers).
            used.putIfAbsent(key, instrument);
        }
        return Optional.of(instrument);
    }

    /** The parsed definition (without loaded wording) of a stored version, from {@link #used} when it is there. */
    public Instrument definition(StoredInstrument stored) {
        Instrument known = used.get(new Key(stored.code, stored.version));
        return known != null ? known : stored.instrument();
    }

    /** The parsed definition of a version that administrations used; empty if there is no such version. */
    public Optional<Instrument> usedDefinition(String code, int version) {
        Instrument known = used.get(new Key(code, version));
        return known != null ? Optional.of(known) : StoredInstrument.find(code, version).map(this::definition);
    }

    /**
     * The newest version of {@code code}, as read at most {@link #LATEST_FOR} ago: a form without a version asks for
     * it, and asking the database each time was a round trip on every submission. A version defined through this
     * process is seen at once; one defined through another replica within a second.
     */
    private Integer latestVersion(String code) {
        Latest known = latest.get(code);
        long now = System.nanoTime();
        if (known != null && now - known.readAt() < LATEST_FOR.toNanos()) {
            return known.version();
        }
        Integer version = (Integer) em.createNativeQuery("SELECT max(version) FROM instrument_version WHERE code = ?1")
                .setParameter(1, code).getSingleResult();
        if (version != null) {
            latest.put(code, new Latest(version, now));
        }
        return version;
    }

    public static ProblemException invalid(List<Violation> violations) {
        return ProblemException.invalid(violations.stream()
                .map(v -> new Problem.Violation(v.field(), v.message())).toList());
    }

    private InstrumentTexts read(String texts) {
        try {
            return json.readValue(texts, InstrumentTexts.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored texts are not readable", e);
        }
    }

    private String write(InstrumentTexts texts) {
        try {
            return json.writeValueAsString(texts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
