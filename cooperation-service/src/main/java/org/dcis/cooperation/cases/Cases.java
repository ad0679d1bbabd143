package org.dcis.cooperation.cases;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class Cases implements PanacheRepositoryBase<CooperationCase, UUID> {
}
