package org.peercircle.reporting.readmodel;

import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.postgresql.copy.CopyIn;

/**
 * Rows in PostgreSQL's binary {@code COPY} format, for {@link Sql#copyIn}: a batch's rows reach a staging table in one
 * round trip, without the text encoding and parsing of one array parameter per column (which cost more than the
 * insert itself). Each value is written in the type's binary form, so the column types of the target table must be
 * the ones written here.
 *
 * <p>A batch of a catching-up consumer writes hundreds of kilobytes here. They are kept as chunks written to the
 * connection one after another, and text is encoded straight into them, so that no buffer is copied to grow and no
 * value is copied on its way in: the copies were a quarter of what the consumer allocated per event.
 */
public final class BinaryCopy {

    private static final byte[] SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0 };
    /** PostgreSQL counts time from 2000-01-01T00:00Z. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;
    private static final byte JSONB_VERSION = 1;

    private static final int CHUNK_SIZE = 1 << 16;

    private final int columns;
    /** Filled chunks, each with the length used: together, with the current one, the stream. */
    private final List<Chunk> chunks = new ArrayList<>();
    private byte[] bytes = new byte[CHUNK_SIZE];
    private int length;
    /** A map's JSON text on its way into the chunk. */
    private final StringBuilder mapJson = new StringBuilder(256);
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
        return utf8Field(value, false);
    }

    /** A JSON text as {@code jsonb} (which PostgreSQL still parses and normalises, as it would the text). */
    public BinaryCopy jsonb(String json) {
        if (json == null) {
            return nullValue();
        }
        return utf8Field(json, true);
    }

    /** Numbers by name as {@code jsonb}, in the text {@link Sql#json(Map)} writes. */
    public BinaryCopy jsonb(Map<String, Double> numbers) {
        return numbers(numbers, true);
    }

    /** Numbers by name as {@code json}, in the text {@link Sql#json(Map)} writes. */
    public BinaryCopy json(Map<String, Double> numbers) {
        return numbers(numbers, false);
    }

    private BinaryCopy numbers(Map<String, Double> numbers, boolean jsonb) {
        if (numbers == null) {
            return nullValue();
        }
        mapJson.setLength(0);
        return utf8Field(Sql.appendJson(mapJson, numbers), jsonb);
    }

    /**
     * Text in UTF-8, after jsonb's version byte if {@code jsonb}. Its length is known only once it is encoded, so the
     * field's length word is filled in then: the room made first (at most three bytes per char; a surrogate pair,
     * two chars, takes four) keeps the word and the value in one chunk.
     */
    private BinaryCopy utf8Field(CharSequence text, boolean jsonb) {
        ensure(4 + 1 + 3 * text.length());
        field(0);
        int start = length;
        if (jsonb) {
            bytes[length++] = JSONB_VERSION;
        }
        utf8(text);
        int32At(start - 4, length - start);
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

    /** Writes the whole stream, with its trailer; the rows are then complete. */
    void writeTo(CopyIn copy) throws SQLException {
        checkRowComplete();
        int16(-1);
        for (Chunk chunk : chunks) {
            copy.writeToCopy(chunk.bytes(), 0, chunk.length());
        }
        copy.writeToCopy(bytes, 0, length);
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
        int32At(length, v);
        length += 4;
    }

    private void int32At(int at, int v) {
        bytes[at] = (byte) (v >>> 24);
        bytes[at + 1] = (byte) (v >>> 16);
        bytes[at + 2] = (byte) (v >>> 8);
        bytes[at + 3] = (byte) v;
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

    /** Room for the next {@code more} bytes in the current chunk. */
    private void ensure(int more) {
        if (length + more > bytes.length) {
            chunks.add(new Chunk(bytes, length));
            bytes = new byte[Math.max(CHUNK_SIZE, more)];
            length = 0;
        }
    }

    /** Encodes as {@link String#getBytes} does in UTF-8 (a lone surrogate as '?'); {@link #utf8Field} made room. */
    private void utf8(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes[length++] = (byte) c;
            } else if (c < 0x800) {
                bytes[length++] = (byte) (0xC0 | c >> 6);
                bytes[length++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                bytes[length++] = (byte) (0xE0 | c >> 12);
                bytes[length++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[length++] = (byte) (0x80 | c & 0x3F);
            } else if (isPair(s, i)) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                bytes[length++] = (byte) (0xF0 | cp >> 18);
                bytes[length++] = (byte) (0x80 | cp >> 12 & 0x3F);
                bytes[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
                bytes[length++] = (byte) (0x80 | cp & 0x3F);
            } else {
                bytes[length++] = '?';
            }
        }
    }

    private static boolean isPair(CharSequence s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length()
                && Character.isLowSurrogate(s.charAt(i + 1));
    }

    private record Chunk(byte[] bytes, int length) {
    }
}
