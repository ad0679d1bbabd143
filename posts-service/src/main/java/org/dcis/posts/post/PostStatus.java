package org.dcis.posts.post;

public enum PostStatus {
    OPEN, SUSPENDED, CLOSED
}
