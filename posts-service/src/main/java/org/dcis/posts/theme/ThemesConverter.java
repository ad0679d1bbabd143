package org.dcis.posts.theme;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores specialities as ",CYBERCRIME,TERRORISM," so a filter can match one theme with LIKE '%,X,%'. */
@Converter
public class ThemesConverter implements AttributeConverter<Set<Theme>, String> {
    @Override
    public String convertToDatabaseColumn(Set<Theme> themes) {
        if (themes == null || themes.isEmpty()) {
            return "";
        }
        return themes.stream().sorted().map(Enum::name).collect(Collectors.joining(",", ",", ","));
    }

    @Override
    public Set<Theme> convertToEntityAttribute(String column) {
        EnumSet<Theme> themes = EnumSet.noneOf(Theme.class);
        if (column != null) {
            Arrays.stream(column.split(",")).filter(s -> !s.isBlank()).map(Theme::valueOf).forEach(themes::add);
        }
        return themes;
    }

    public static String pattern(Theme theme) {
        return "%," + theme.name() + ",%";
    }
}
