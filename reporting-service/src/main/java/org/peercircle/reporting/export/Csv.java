package org.peercircle.reporting.export;

import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 CSV: comma separated, CRLF line ends, fields quoted when they hold a comma, quote or line break. */
final class Csv {

    private final StringBuilder out = new StringBuilder();

    Csv(List<String> header) {
        row(header.toArray());
    }

    Csv row(Object... fields) {
        out.append(java.util.Arrays.stream(fields).map(Csv::field).collect(Collectors.joining(","))).append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
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
