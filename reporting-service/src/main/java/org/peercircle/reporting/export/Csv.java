package org.peercircle.reporting.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 CSV written as it goes: comma separated, CRLF line ends, fields quoted when they hold a comma, quote or
 * line break.
 */
final class Csv {

    private final Writer out;

    Csv(Writer out, List<String> header) {
        this.out = out;
        row(header.toArray());
    }

    Csv row(Object... fields) {
        try {
            out.write(java.util.Arrays.stream(fields).map(Csv::field).collect(Collectors.joining(",")));
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String s = value instanceof Double d ? number(d) : value.toString();
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    /** Full precision, without a trailing ".0" on whole numbers (R and SPSS read both). */
    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }
}
