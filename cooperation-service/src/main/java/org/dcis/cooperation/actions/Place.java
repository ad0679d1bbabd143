package org.dcis.cooperation.actions;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.dcis.cooperation.reference.IsoCountry;

/** Where an action takes place. */
public record Place(@NotNull @IsoCountry String country, @Size(max = 120) String city) {
}
