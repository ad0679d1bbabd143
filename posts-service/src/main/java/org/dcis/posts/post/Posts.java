package org.dcis.posts.post;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The stored posts, for the registry's lists and locks. */
@ApplicationScoped
public class Posts implements PanacheRepositoryBase<Post, String> {
}
