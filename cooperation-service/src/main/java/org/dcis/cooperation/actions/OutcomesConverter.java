package org.dcis.cooperation.actions;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Outcomes are read and written with their action, never queried alone: one JSON column is enough. */
@Converter
public class OutcomesConverter implements AttributeConverter<List<Outcome>, String> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Outcome>> TYPE = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<Outcome> outcomes) {
        try {
            return JSON.writeValueAsString(outcomes == null ? List.of() : outcomes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outcomes not serialisable", e);
        }
    }

    @Override
    public List<Outcome> convertToEntityAttribute(String column) {
        try {
            return column == null ? List.of() : List.copyOf(JSON.readValue(column, TYPE));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored outcomes unreadable", e);
        }
    }
}
