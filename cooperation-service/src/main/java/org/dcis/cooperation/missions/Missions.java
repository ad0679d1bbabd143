package org.dcis.cooperation.missions;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class Missions implements PanacheRepositoryBase<Mission, String> {
}
