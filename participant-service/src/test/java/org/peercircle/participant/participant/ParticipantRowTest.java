package org.peercircle.participant.participant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.peercircle.participant.Fixtures.createCentre;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.peercircle.participant.Database;
import org.peercircle.participant.Fixtures;
import org.peercircle.participant.audit.AuditLog;
import org.peercircle.participant.audit.AuditOperation;
import org.peercircle.platform.security.Roles;
import org.peercircle.testing.Tokens;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The plain-SQL read behind GET /participants/{id} (ParticipantRow) fills every field the Participant entity maps,
 * with the same values Hibernate loads (a field added to the entity but not to the row reader fails here), and writes
 * the read's audit entry in the same statement exactly when the caller may see the record.
 */
@QuarkusTest
class ParticipantRowTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void readsEveryMappedFieldAsHibernateDoes() throws Exception {
        Pair pair = registeredAndErased("Row", "周桂兰", "13811112222");

        for (UUID id : List.of(pair.registered(), pair.erased())) {
            Participant byHibernate = QuarkusTransaction.requiringNew().call(() -> Participant.findById(id));
            try (Connection c = dataSource.getConnection()) {
                assertSameFields(ParticipantRow.byId(c, id), byHibernate);
                assertSameFields(ParticipantRow.byIdAudited(c, id, READER, null).participant(), byHibernate);
            }
        }
        try (Connection c = dataSource.getConnection()) {
            assertThat(ParticipantRow.byId(c, UUID.randomUUID())).isNull();
            assertThat(ParticipantRow.byIdAudited(c, UUID.randomUUID(), READER, null).participant()).isNull();
        }
    }

    @Test
    void theAuditEntryIsWrittenWithTheReadOnlyWhenTheCallerMaySeeTheRecord() throws Exception {
        Pair pair = registeredAndErased("Row audit", "陈淑珍", "13822223333");
        UUID centre = pair.centre();
        UUID p = pair.registered();
        UUID erased = pair.erased();
        try (Connection c = dataSource.getConnection()) {
            assertThat(ParticipantRow.byIdAudited(c, p, READER, null).entryWritten()).as("city-wide").isTrue();
            assertThat(ParticipantRow.byIdAudited(c, p, READER, Set.of(centre)).entryWritten()).as("own centre").isTrue();
            ParticipantRow.Audited elsewhere = ParticipantRow.byIdAudited(c, p, READER, Set.of(UUID.randomUUID()));
            assertThat(elsewhere.participant().id).isEqualTo(p);
            assertThat(elsewhere.entryWritten()).as("another centre").isFalse();
            assertThat(ParticipantRow.byIdAudited(c, p, READER, Set.of()).entryWritten()).as("no centre").isFalse();
            assertThat(ParticipantRow.byIdAudited(c, erased, READER, null).entryWritten()).as("erased").isFalse();
        }
        assertThat(new Database(dataSource).count("SELECT count(*) FROM audit_entry WHERE participant_id = ? AND subject = ?",
                p, READER.subject())).isEqualTo(2);
        assertThat(new Database(dataSource).count("SELECT count(*) FROM audit_entry WHERE participant_id = ? AND subject = ?",
                erased, READER.subject())).isZero();
    }

    private static final AuditLog.Reader READER = new AuditLog.Reader(Timestamp.from(Instant.now()),
            "row-test-" + UUID.randomUUID(), "coordinator", AuditOperation.VIEW);

    private static void assertSameFields(Participant byRow, Participant byHibernate) throws IllegalAccessException {
        List<String> compared = new ArrayList<>();
        for (Field f : Participant.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic() || f.getName().startsWith("$$")) {
                continue;
            }
            f.setAccessible(true);
            assertThat(comparable(f.get(byRow))).as(f.getName()).isEqualTo(comparable(f.get(byHibernate)));
            compared.add(f.getName());
        }
        assertThat(compared).contains("id", "fullName", "dialects", "emergencyContactPhone", "erasedAt", "version");
    }

    /** Time stamps compare as instants: the driver and Hibernate may give the same instant different offsets. */
    private static Object comparable(Object value) {
        return value instanceof OffsetDateTime t ? t.toInstant() : value;
    }

    /** A fresh centre with one registered person and one erased. */
    private record Pair(UUID centre, UUID registered, UUID erased) {
    }

    private static Pair registeredAndErased(String centreName, String name, String phone) {
        UUID centre = createCentre(centreName + " " + UUID.randomUUID());
        UUID registered = Fixtures.register(Tokens.of(Roles.COORDINATOR), centre, name, phone);
        UUID erased = Fixtures.newParticipant(Tokens.of(Roles.COORDINATOR), centre);
        given().auth().oauth2(Tokens.of(Roles.COORDINATOR)).when().delete("/api/v1/participants/" + erased)
                .then().statusCode(204);
        return new Pair(centre, registered, erased);
    }
}
