package org.peercircle.participant.participant;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import org.peercircle.contracts.Cohort.AgeBand;
import org.peercircle.contracts.Cohort.Gender;
import org.peercircle.contracts.Cohort.LivingSituation;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.participant.CohortChanged;
import org.peercircle.contracts.participant.ParticipantRegistered;
import org.peercircle.participant.audit.AuditLog;
import org.peercircle.participant.audit.AuditOperation;
import org.peercircle.participant.centre.Centre;
import org.peercircle.participant.paging.PageRequest;
import org.peercircle.platform.outbox.Outbox;
import org.peercircle.platform.problem.Problem;
import org.peercircle.platform.problem.ProblemException;
import org.peercircle.platform.security.Caller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.panache.common.Sort;

/** Registering, finding, listing and correcting participants, always within the caller's centres. */
@ApplicationScoped
public class ParticipantRegistry {

    /** Centres work on China Standard Time; ages and "today" are taken there. */
    public static final ZoneId CENTRE_ZONE = ZoneId.of("Asia/Shanghai");

    /** Members of a PATCH that name derived or system-kept fields. */
    private static final Set<String> READ_ONLY = Set.of("id", "ageBand", "migrant", "status", "registeredAt");

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @Inject
    AgroalDataSource dataSource;

    private record Cohort(AgeBand ageBand, Gender gender, LivingSituation livingSituation, boolean migrant) {
    }

    @Transactional
    public ParticipantView register(RegistrationRequest request, boolean duplicateConfirmed) {
        caller.requireCentre(request.centreId(), "centre", request.centreId());
        if (Centre.findById(request.centreId()) == null) {
            throw ProblemException.notFound("centre", request.centreId());
        }
        LocalDate today = today();
        checkConsistency(request, today);
        if (!duplicateConfirmed) {
            refuseProbableDuplicate(request);
        }
        Participant p = new Participant();
        p.id = UUID.randomUUID();
        p.centreId = request.centreId();
        apply(request, p);
        p.status = Participant.Status.REFERRED;
        p.registeredAt = OffsetDateTime.now(CENTRE_ZONE);
        p.persist();

        outbox.publish(EventTypes.PARTICIPANT_REGISTERED, p.id, new ParticipantRegistered(p.id, p.centreId,
                CohortRules.ageBand(p.birthDate, today), p.gender, p.livingSituation, p.migrant,
                p.referralSource.name(), p.registeredAt));
        audit.record(AuditOperation.REGISTER, p.id, p.centreId);
        return ParticipantView.of(p, today);
    }

    /**
     * One participant for the caller, audited. This is the read the city platform makes most, so it is one plain
     * statement in autocommit instead of an ORM load and an insert in a transaction: the row and, when the caller may
     * see it, its audit entry (see ParticipantRow). If the entry cannot be written the read fails, so no data leaves
     * unlogged.
     */
    public ParticipantView get(UUID id) {
        try (Connection connection = dataSource.getConnection()) {
            ParticipantRow.Audited read = ParticipantRow.byIdAudited(connection, id, audit.reader(AuditOperation.VIEW),
                    caller.centreRestriction().orElse(null));
            Participant p = visible(read.participant(), id);
            if (!read.entryWritten()) {
                audit.record(connection, AuditOperation.VIEW, List.of(new AuditLog.Subject(p.id, p.centreId)));
            }
            return view(p);
        } catch (SQLException e) {
            throw new IllegalStateException("reading participant " + id + " failed", e);
        }
    }

    @Transactional
    public ParticipantPage list(ParticipantFilter filter, PageRequest page) {
        List<String> where = new ArrayList<>(List.of("erasedAt is null"));
        Map<String, Object> params = new HashMap<>();
        if (filter.centreId() != null) {
            caller.requireCentre(filter.centreId(), "centre", filter.centreId());
            where.add("centreId = :centre");
            params.put("centre", filter.centreId());
        }
        var restriction = caller.centreRestriction();
        if (restriction.isPresent()) {
            if (restriction.get().isEmpty()) {
                return ParticipantPage.of(List.of(), page, 0);
            }
            where.add("centreId in :centres");
            params.put("centres", restriction.get());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            params.put("status", filter.status());
        }
        if (filter.livingSituation() != null) {
            where.add("livingSituation = :livingSituation");
            params.put("livingSituation", filter.livingSituation());
        }
        if (filter.migrant() != null) {
            where.add("migrant = :migrant");
            params.put("migrant", filter.migrant());
        }
        if (filter.neighbourhood() != null && !filter.neighbourhood().isBlank()) {
            where.add("lower(neighbourhood) = :neighbourhood");
            params.put("neighbourhood", filter.neighbourhood().strip().toLowerCase());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            String q = filter.q().strip();
            String digits = Phones.normalise(q);
            if (digits.chars().allMatch(Character::isDigit)) {
                where.add("(lower(fullName) like :name escape '\\' or phone like :phone escape '\\')");
                params.put("phone", "%" + likeEscaped(digits) + "%");
            } else {
                where.add("lower(fullName) like :name escape '\\'");
            }
            params.put("name", "%" + likeEscaped(q.toLowerCase()) + "%");
        }
        var query = Participant.<Participant>find(String.join(" and ", where),
                Sort.descending("registeredAt").and("id"), params);
        List<Participant> found = query.page(io.quarkus.panache.common.Page.of(page.page(), page.size())).list();
        audit.record(AuditOperation.LIST,
                found.stream().map(p -> new AuditLog.Subject(p.id, p.centreId)).toList());
        LocalDate today = today();
        return ParticipantPage.of(found.stream().map(p -> ParticipantView.of(p, today)).toList(), page, query.count());
    }

    /**
     * Applies a JSON merge patch (RFC 7386) of the registration fields. The body must carry the {@code version}
     * the caller last read; the patched record is validated as a whole, exactly like a registration.
     */
    @Transactional
    public ParticipantView patch(UUID id, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProblemException.invalid("request", "must be a JSON object");
        }
        ObjectNode patch = ((ObjectNode) body).deepCopy();
        Participant p = find(id);
        JsonNode version = patch.remove("version");
        if (version == null || !version.isIntegralNumber()) {
            throw ProblemException.invalid("version", "is required: the version of the record you are changing");
        }
        if (version.asLong() != p.version) {
            throw ProblemException.conflict("The participant was changed by someone else since version "
                    + version.asLong() + "; reload it and apply your change again").with("currentVersion", p.version);
        }
        refuseNonEditableMembers(patch);

        RegistrationRequest merged = merge(toRequest(p), patch);
        Set<ConstraintViolation<RegistrationRequest>> violations = validator.validate(merged);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        LocalDate today = today();
        checkConsistency(merged, today);

        Cohort before = cohort(p, today);
        apply(merged, p);
        Cohort after = cohort(p, today);
        if (!before.equals(after)) {
            outbox.publish(EventTypes.PARTICIPANT_COHORT_CHANGED, p.id, new CohortChanged(p.id, p.centreId,
                    after.ageBand(), after.gender(), after.livingSituation(), after.migrant()));
        }
        em.flush(); // so the answer carries the new version
        audit.record(AuditOperation.UPDATE, p.id, p.centreId);
        return ParticipantView.of(p, today);
    }

    /**
     * The participant with {@code id} if the caller may see its centre: 404 otherwise, and 410 Gone once it
     * was erased (only the pseudonymous id remains).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Participant find(UUID id) {
        return visible(Participant.findById(id), id);
    }

    /** {@code p} (the record with {@code id}, or null) if the caller may see it; 404 or 410 Gone otherwise. */
    private Participant visible(Participant p, UUID id) {
        if (p == null) {
            throw ProblemException.notFound("participant", id);
        }
        caller.requireCentre(p.centreId, "participant", id);
        if (p.erased()) {
            throw new ProblemException(new Problem("gone", "Gone", 410,
                    "participant " + id + " was erased; only its pseudonymous id remains", null))
                    .with("erasedAt", p.erasedAt.atZoneSameInstant(CENTRE_ZONE).toOffsetDateTime().toString());
        }
        return p;
    }

    public ParticipantView view(Participant p) {
        return ParticipantView.of(p, today());
    }

    public static LocalDate today() {
        return LocalDate.now(CENTRE_ZONE);
    }

    private void refuseProbableDuplicate(RegistrationRequest request) {
        // serialise registrations of one centre and birth date, so two clicks cannot both pass the check
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "participant:" + request.centreId() + ":" + request.birthDate())
                .getSingleResult();
        List<DuplicateRule.Existing> sameDay = Participant.<Participant>list(
                "centreId = ?1 and birthDate = ?2 and erasedAt is null", request.centreId(), request.birthDate())
                .stream().map(e -> new DuplicateRule.Existing(e.id, e.fullName, e.phone)).toList();
        DuplicateRule.find(request.fullName(), request.phone(), sameDay).ifPresent(d -> {
            throw ProblemException.conflict("A person with the same birth date and "
                    + (d.matchedOn().contains(DuplicateRule.MatchedOn.PHONE) ? "phone number" : "a similar name")
                    + " is already registered in this centre; if this is really someone else, register again with "
                    + "confirmDuplicate=true")
                    .with("existingParticipantId", d.existingId())
                    .with("matchedOn", d.matchedOn().stream().map(Enum::name).sorted().toList());
        });
    }

    private static void refuseNonEditableMembers(ObjectNode patch) {
        List<Problem.Violation> violations = new ArrayList<>();
        Set<String> editable = editableFields();
        for (Iterator<String> names = patch.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (name.equals("centreId")) {
                violations.add(new Problem.Violation(name, "cannot be changed; register the person in the other centre"));
            } else if (READ_ONLY.contains(name)) {
                violations.add(new Problem.Violation(name, "is derived or kept by the system and cannot be set"));
            } else if (!editable.contains(name)) {
                violations.add(new Problem.Violation(name, "is not a field of a participant"));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    private static Set<String> editableFields() {
        Set<String> names = new LinkedHashSet<>();
        for (var component : RegistrationRequest.class.getRecordComponents()) {
            names.add(component.getName());
        }
        names.remove("centreId");
        return names;
    }

    private RegistrationRequest merge(RegistrationRequest current, ObjectNode patch) {
        JsonNode merged = JsonMergePatch.apply(mapper.valueToTree(current), patch);
        try {
            return mapper.treeToValue(merged, RegistrationRequest.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw ProblemException.invalid(field.isEmpty() ? "request" : field, e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("request", e.getOriginalMessage());
        }
    }

    private static void checkConsistency(RegistrationRequest request, LocalDate today) {
        if (request.movedToCityYear() != null && (request.movedToCityYear() < request.birthDate().getYear()
                || request.movedToCityYear() > today.getYear())) {
            throw ProblemException.invalid("movedToCityYear", "must lie between the birth year and this year");
        }
    }

    private static void apply(RegistrationRequest r, Participant p) {
        p.fullName = r.fullName().strip();
        p.gender = r.gender();
        p.birthDate = r.birthDate();
        p.phone = Phones.normalise(r.phone());
        p.neighbourhood = blankToNull(r.neighbourhood());
        p.livingSituation = r.livingSituation();
        p.hometownProvince = r.hometown() == null ? null : blankToNull(r.hometown().province());
        p.hometownCity = r.hometown() == null ? null : blankToNull(r.hometown().city());
        p.movedToCityYear = r.movedToCityYear();
        p.moveReason = r.moveReason();
        p.migrant = CohortRules.migrant(p.birthDate, p.gender, p.movedToCityYear);
        p.dialects = cleaned(r.dialects());
        p.interests = cleaned(r.interests());
        p.mobilityNotes = blankToNull(r.mobilityNotes());
        p.healthNotes = blankToNull(r.healthNotes());
        p.emergencyContactName = r.emergencyContact() == null ? null : r.emergencyContact().name().strip();
        p.emergencyContactRelation = r.emergencyContact() == null ? null : r.emergencyContact().relation().strip();
        p.emergencyContactPhone = r.emergencyContact() == null ? null : Phones.normalise(r.emergencyContact().phone());
        p.referralSource = r.referralSource();
    }

    static RegistrationRequest toRequest(Participant p) {
        return new RegistrationRequest(p.centreId, p.fullName, p.gender, p.birthDate, p.phone, p.neighbourhood,
                p.livingSituation,
                p.hometownProvince == null && p.hometownCity == null ? null
                        : new RegistrationRequest.Hometown(p.hometownProvince, p.hometownCity),
                p.movedToCityYear, p.moveReason, List.copyOf(p.dialects), List.copyOf(p.interests), p.mobilityNotes,
                p.healthNotes,
                p.emergencyContactName == null ? null
                        : new RegistrationRequest.EmergencyContact(p.emergencyContactName, p.emergencyContactRelation,
                                p.emergencyContactPhone),
                p.referralSource);
    }

    private static Cohort cohort(Participant p, LocalDate today) {
        return new Cohort(CohortRules.ageBand(p.birthDate, today), p.gender, p.livingSituation, p.migrant);
    }

    /** Stripped, without blanks and repeats, in the order given. */
    private static List<String> cleaned(List<String> values) {
        if (values == null) {
            return new ArrayList<>();
        }
        return new ArrayList<>(values.stream().filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String likeEscaped(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
