package org.dcis.posts;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;

/** The registry's calendar: dates of the network are Paris dates, whatever the server's zone. */
@ApplicationScoped
public class RegistryClock {
    private final Clock clock = Clock.system(ZoneId.of("Europe/Paris"));

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
