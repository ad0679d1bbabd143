package org.dcis.cooperation.actions;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class Actions implements PanacheRepositoryBase<CooperationAction, UUID> {
}
