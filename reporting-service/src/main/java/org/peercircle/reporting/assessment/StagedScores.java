package org.peercircle.reporting.assessment;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.peercircle.contracts.assessment.AssessmentScored;
import org.peercircle.reporting.readmodel.BinaryCopy;
import org.peercircle.reporting.readmodel.Sql;

import io.agroal.api.AgroalPoolInterceptor;

/**
 * A batch's scores as rows of the temporary table {@value #TABLE}, in arrival order ({@code ord}), loaded with one
 * binary COPY, for {@link AssessmentProjection}'s set-based upserts to read. Each connection of the consumers' pool
 * creates the table when it opens (this is an Agroal pool interceptor of the default datasource), so a batch spends
 * no round trip on it; each commit empties it ({@code ON COMMIT DELETE ROWS}).
 */
@ApplicationScoped
public class StagedScores implements AgroalPoolInterceptor {

    static final String TABLE = "pg_temp.staged_score";

    private static final String COLUMNS = "ord, administration_id, revision, participant_id, centre_id, group_id, "
            + "instrument_code, instrument_version, phase, administered_at, total_score, subscale_scores, band, prorated, "
            + "higher_is_worse, reliability, norm_sd, item_values, subscale_reliability, subscale_norm_sd";

    @Inject
    Sql sql;

    @Override
    public void onConnectionCreate(Connection connection) {
        try (Statement st = connection.createStatement()) {
            st.execute("""
                    CREATE TEMP TABLE IF NOT EXISTS staged_score (ord int, administration_id uuid, revision int,
                        participant_id uuid, centre_id uuid, group_id uuid, instrument_code text, instrument_version int,
                        phase text, administered_at timestamptz, total_score float8, subscale_scores json, band text,
                        prorated bool, higher_is_worse bool, reliability float8, norm_sd float8, item_values json,
                        subscale_reliability jsonb, subscale_norm_sd jsonb) ON COMMIT DELETE ROWS
                    """);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the staging table of scores", e);
        }
    }

    /** Loads the scores; the caller empties the table after use if its transaction goes on (the rebuild's catch-up). */
    void load(List<Object> payloads) {
        BinaryCopy rows = new BinaryCopy(20);
        for (Object p : payloads) {
            AssessmentScored e = (AssessmentScored) p;
            rows.row().int4(rows.rows()).uuid(e.administrationId()).int4(e.revision()).uuid(e.participantId())
                    .uuid(e.centreId()).uuid(e.groupId()).text(e.instrumentCode()).int4(e.instrumentVersion())
                    .text(e.phase()).timestamptz(e.administeredAt()).float8(e.totalScore())
                    .json(e.subscaleScores()).text(e.band()).bool(e.prorated()).bool(e.higherIsWorse())
                    .float8(e.reliability()).float8(e.normSd()).json(e.itemValues())
                    .jsonb(e.subscaleReliability()).jsonb(e.subscaleNormSd());
        }
        sql.copyIn(TABLE, COLUMNS, rows);
    }
}
