package org.peercircle.reporting.readmodel;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;

/**
 * Rows in PostgreSQL's binary {@code COPY} format, for {@link Sql#copyIn}: a batch's rows reach a staging table in one
 * round trip, without the text encoding and parsing of one array parameter per column (which cost more than the
 * insert itself). Each value is written in the type's binary form, so the column types of the target table must be
 * the ones written here.
 */
public final class BinaryCopy {

    private static final byte[] SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0 };
    /** PostgreSQL counts time from 2000-01-01T00:00Z. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;
    private static final byte JSONB_VERSION = 1;

    private final int columns;
    private byte[] bytes = new byte[1 << 16];
    private int length;
    private int fieldsInRow;
    private int rows;

    public BinaryCopy(int columns) {
        this.columns = columns;
        write(SIGNATURE);
        int32(0); // flags
        int32(0); // header extension length
        fieldsInRow = columns;
    }

    /** Starts the next row; each row has exactly as many values as columns. */
    public BinaryCopy row() {
        checkRowComplete();
        int16(columns);
        fieldsInRow = 0;
        rows++;
        return this;
    }

    public BinaryCopy uuid(UUID value) {
        if (value == null) {
            return nullValue();
        }
        field(16);
        int64(value.getMostSignificantBits());
        int64(value.getLeastSignificantBits());
        return this;
    }

    public BinaryCopy int4(Integer value) {
        if (value == null) {
            return nullValue();
        }
        field(4);
        int32(value);
        return this;
    }

    public BinaryCopy float8(Double value) {
        if (value == null) {
            return nullValue();
        }
        field(8);
        int64(Double.doubleToRawLongBits(value));
        return this;
    }

    public BinaryCopy bool(Boolean value) {
        if (value == null) {
            return nullValue();
        }
        field(1);
        ensure(1);
        bytes[length++] = (byte) (value ? 1 : 0);
        return this;
    }

    public BinaryCopy text(String value) {
        if (value == null) {
            return nullValue();
        }
        byte[] utf8 = value.getBytes(UTF_8);
        field(utf8.length);
        write(utf8);
        return this;
    }

    /** A JSON text as {@code jsonb} (which PostgreSQL still parses and normalises, as it would the text). */
    public BinaryCopy jsonb(String json) {
        if (json == null) {
            return nullValue();
        }
        byte[] utf8 = json.getBytes(UTF_8);
        field(utf8.length + 1);
        ensure(1);
        bytes[length++] = JSONB_VERSION;
        write(utf8);
        return this;
    }

    /**
     * As {@code timestamptz}: microseconds, rounded half to even from the nanoseconds, as PostgreSQL rounds the
     * fraction of a time it reads as text.
     */
    public BinaryCopy timestamptz(OffsetDateTime value) {
        if (value == null) {
            return nullValue();
        }
        Instant instant = value.toInstant();
        long micros = Math.multiplyExact(instant.getEpochSecond() - POSTGRES_EPOCH_SECONDS, 1_000_000L)
                + (long) Math.rint(instant.getNano() / 1000.0);
        field(8);
        int64(micros);
        return this;
    }

    public int rows() {
        return rows;
    }

    /** The whole stream, with its trailer. */
    byte[] finish() {
        checkRowComplete();
        int16(-1);
        return Arrays.copyOf(bytes, length);
    }

    private BinaryCopy nullValue() {
        field(-1);
        return this;
    }

    private void field(int size) {
        if (++fieldsInRow > columns) {
            throw new IllegalStateException("more than " + columns + " values in row " + rows);
        }
        int32(size);
    }

    private void checkRowComplete() {
        if (fieldsInRow != columns) {
            throw new IllegalStateException("row " + rows + " has " + fieldsInRow + " of " + columns + " values");
        }
    }

    private void int16(int v) {
        ensure(2);
        bytes[length++] = (byte) (v >>> 8);
        bytes[length++] = (byte) v;
    }

    private void int32(int v) {
        ensure(4);
        bytes[length++] = (byte) (v >>> 24);
        bytes[length++] = (byte) (v >>> 16);
        bytes[length++] = (byte) (v >>> 8);
        bytes[length++] = (byte) v;
    }

    private void int64(long v) {
        int32((int) (v >>> 32));
        int32((int) v);
    }

    private void write(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, length, b.length);
        length += b.length;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
