package org.dcis.cooperation.directory;

/**
 * Fired (CDI) when a post event changed the directory, inside the transaction that applied it: observers that
 * wait for posts to be known ({@code during = AFTER_SUCCESS}) look again only once the change committed.
 */
public record DirectoryChanged(String postId) {
}
