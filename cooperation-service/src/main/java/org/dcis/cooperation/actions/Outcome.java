package org.dcis.cooperation.actions;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** One outcome indicator, e.g. SEIZURE 1.2 t of cocaine, ARRESTS 4, PERSONS_TRAINED 25. */
public record Outcome(
        @NotNull Indicator indicator,
        @NotNull @PositiveOrZero @DecimalMax("1000000000") BigDecimal quantity,
        @Size(max = 30) String unit,
        @Size(max = 200) String note) {
}
