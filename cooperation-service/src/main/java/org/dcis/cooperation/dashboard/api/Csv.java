package org.dcis.cooperation.dashboard.api;

import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * A table of flat records as CSV (RFC 4180): a header of the record's component names, one line per row, CRLF,
 * fields quoted when they hold a comma, a quote or a line break; a null is an empty field. A text field that a
 * spreadsheet would read as a formula (starting with =, +, -, @) is prefixed with a quote.
 */
final class Csv {
    static final String MEDIA_TYPE = "text/csv";

    private Csv() {
    }

    static String of(Class<? extends Record> type, List<? extends Record> rows) {
        RecordComponent[] components = type.getRecordComponents();
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < components.length; i++) {
            csv.append(i == 0 ? "" : ",").append(components[i].getName());
        }
        csv.append("\r\n");
        for (Record row : rows) {
            for (int i = 0; i < components.length; i++) {
                Object value;
                try {
                    value = components[i].getAccessor().invoke(row);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("unreadable dashboard row", e);
                }
                csv.append(i == 0 ? "" : ",").append(field(value));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
