package org.dcis.gateway.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/** The recent-actions table's columns, shared by the page and its CSV so that the download is what is shown. */
public final class ActionTable {
    static final List<String> COLUMNS = List.of("plannedStart", "title", "kind", "type", "status", "country", "city",
            "caseId", "id");
    private static final CsvMapper CSV = new CsvMapper();

    private ActionTable() {
    }

    static String csv(List<Object> actions) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        COLUMNS.forEach(schema::addColumn);
        List<Map<String, Object>> lines = actions.stream().map(ActionTable::line).toList();
        try {
            return CSV.writer(schema.build()).writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> line(Object action) {
        Map<?, ?> row = (Map<?, ?>) action;
        Map<?, ?> place = row.get("place") instanceof Map<?, ?> map ? map : Map.of();
        Map<String, Object> line = new java.util.LinkedHashMap<>();
        line.put("plannedStart", row.get("plannedStart"));
        line.put("title", row.get("title"));
        line.put("kind", row.get("kind"));
        line.put("type", row.get("type"));
        line.put("status", row.get("status"));
        line.put("country", place.get("country"));
        line.put("city", place.get("city"));
        line.put("caseId", row.get("caseId"));
        line.put("id", row.get("id"));
        return line;
    }
}
