package org.dcis.cooperation.dashboard;

import java.util.EnumSet;
import java.util.Set;

import org.dcis.cooperation.cases.Theme;

/**
 * The priority axes of the DCIS in the seed's own words (/work/shared/mission/seed-dcis.txt: "la lutte contre le
 * trafic de stupéfiants et d'armes, la lutte contre la cybercriminalité, contre le terrorisme, contre la criminalité
 * organisée transnationale et l'immigration irrégulière constituent les axes prioritaires"), five axes, the first
 * covering drugs and arms together; and, outside the axes, the export of know-how ("rayonnement ... en exportant leur
 * savoir-faire"). Each case theme maps to exactly one line; an action whose case has several themes counts once on
 * each line its themes reach (a case on drugs and arms counts once on the first axis).
 */
public enum PriorityAxis {
    DRUG_AND_ARMS_TRAFFICKING("lutte contre le trafic de stupéfiants et d'armes", true,
            EnumSet.of(Theme.DRUG_TRAFFICKING, Theme.ARMS_TRAFFICKING)),
    CYBERCRIME("lutte contre la cybercriminalité", true, EnumSet.of(Theme.CYBERCRIME)),
    TERRORISM("lutte contre le terrorisme", true, EnumSet.of(Theme.TERRORISM)),
    TRANSNATIONAL_ORGANISED_CRIME("lutte contre la criminalité organisée transnationale", true,
            EnumSet.of(Theme.ORGANISED_CRIME)),
    IRREGULAR_IMMIGRATION("lutte contre l'immigration irrégulière", true, EnumSet.of(Theme.IRREGULAR_IMMIGRATION)),
    /** Not a priority axis: the outreach of the police and gendarmerie through their expertise. */
    EXPERTISE_EXPORT("rayonnement : export du savoir-faire", false, EnumSet.of(Theme.EXPERTISE_EXPORT));

    private final String label;
    private final boolean priority;
    private final Set<Theme> themes;

    PriorityAxis(String label, boolean priority, Set<Theme> themes) {
        this.label = label;
        this.priority = priority;
        this.themes = themes;
    }

    public String label() {
        return label;
    }

    public boolean priority() {
        return priority;
    }

    public static PriorityAxis of(Theme theme) {
        for (PriorityAxis axis : values()) {
            if (axis.themes.contains(theme)) {
                return axis;
            }
        }
        throw new IllegalStateException("theme without an axis: " + theme);
    }

    /** The distinct lines reached by a case's themes. */
    public static Set<PriorityAxis> of(String[] themes) {
        Set<PriorityAxis> axes = EnumSet.noneOf(PriorityAxis.class);
        for (String theme : themes) {
            axes.add(of(Theme.valueOf(theme)));
        }
        return axes;
    }
}
