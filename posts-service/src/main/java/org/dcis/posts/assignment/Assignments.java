package org.dcis.posts.assignment;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The stored assignments, for the registry's lists and locks. */
@ApplicationScoped
public class Assignments implements PanacheRepositoryBase<Assignment, UUID> {
}
