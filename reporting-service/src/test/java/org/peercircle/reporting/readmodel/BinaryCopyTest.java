package org.peercircle.reporting.readmodel;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.postgresql.copy.CopyIn;

/**
 * The stream {@link BinaryCopy} writes in chunks, with text encoded in place, is byte for byte the binary COPY format
 * as written the plain way (each value's {@link String#getBytes}, one contiguous buffer).
 */
class BinaryCopyTest {

    private static final String[] TEXTS = { "PRE", "", "孤独感量表", "emoji 😀 pair", "lone \uD800 high",
            "lone \uDC00 low", "ends high \uD83D", "é ß ü" };

    @Test
    void rowsSpanningManyChunksAreTheStreamWrittenThePlainWay() throws Exception {
        BinaryCopy copy = new BinaryCopy(6);
        Reference expected = new Reference(6);
        // about 300 kB: several chunks, with values at every offset of a chunk's end
        for (int i = 0; i < 5_000; i++) {
            UUID id = new UUID(i, -i);
            String text = TEXTS[i % TEXTS.length] + i;
            Map<String, Double> numbers = numbers(i);
            String json = "{\"n\":" + i + "}";
            copy.row().int4(i).uuid(id).text(text).jsonb(numbers).jsonb(json).json(numbers);
            // json's binary form is its text as written
            expected.row().int4(i).uuid(id).text(text).jsonb(Sql.json(numbers)).jsonb(json).text(Sql.json(numbers));
        }
        copy.row().int4(null).uuid(null).text(null).jsonb((Map<String, Double>) null).jsonb((String) null)
                .json(null);
        expected.row().nulls(6);

        assertThat(written(copy)).isEqualTo(expected.finish());
    }

    @Test
    void aValueLargerThanAChunkGetsAChunkOfItsOwn() throws Exception {
        String large = "长".repeat(40_000); // 120 kB in UTF-8
        BinaryCopy copy = new BinaryCopy(2);
        copy.row().text("a").text(large).row().text(large).text("b");
        Reference expected = new Reference(2);
        expected.row().text("a").text(large).row().text(large).text("b");

        assertThat(written(copy)).isEqualTo(expected.finish());
    }

    private static Map<String, Double> numbers(int i) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("item" + i % 10, (double) (i % 5));
        numbers.put("分量表", i / 7.0);
        numbers.put("quote\"" + i, i % 3 == 0 ? null : -0.5);
        return numbers;
    }

    /** The bytes a COPY would receive, through a CopyIn that records them. */
    private static byte[] written(BinaryCopy copy) throws Exception {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        CopyIn recorder = (CopyIn) Proxy.newProxyInstance(CopyIn.class.getClassLoader(), new Class<?>[] { CopyIn.class },
                (proxy, method, args) -> {
                    if (!method.getName().equals("writeToCopy") || args.length != 3) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    received.write((byte[]) args[0], (int) args[1], (int) args[2]);
                    return null;
                });
        copy.writeTo(recorder);
        return received.toByteArray();
    }

    /** The format written value by value into one stream, as the PostgreSQL documentation describes it. */
    private static final class Reference {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);
        private final int columns;

        Reference(int columns) throws IOException {
            this.columns = columns;
            out.write(new byte[] { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0 });
            out.writeInt(0);
            out.writeInt(0);
        }

        Reference row() throws IOException {
            out.writeShort(columns);
            return this;
        }

        Reference nulls(int n) throws IOException {
            for (int i = 0; i < n; i++) {
                out.writeInt(-1);
            }
            return this;
        }

        Reference int4(int v) throws IOException {
            out.writeInt(4);
            out.writeInt(v);
            return this;
        }

        Reference uuid(UUID v) throws IOException {
            out.writeInt(16);
            out.writeLong(v.getMostSignificantBits());
            out.writeLong(v.getLeastSignificantBits());
            return this;
        }

        Reference text(String v) throws IOException {
            byte[] utf8 = v.getBytes(UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
            return this;
        }

        Reference jsonb(String v) throws IOException {
            byte[] utf8 = v.getBytes(UTF_8);
            out.writeInt(utf8.length + 1);
            out.write(1);
            out.write(utf8);
            return this;
        }

        byte[] finish() throws IOException {
            out.writeShort(-1);
            return bytes.toByteArray();
        }
    }
}
