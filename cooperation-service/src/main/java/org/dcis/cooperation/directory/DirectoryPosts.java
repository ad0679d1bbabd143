package org.dcis.cooperation.directory;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DirectoryPosts implements PanacheRepositoryBase<DirectoryPost, String> {
}
