package org.dcis.posts.event;

/** CloudEvent types of dcis.posts.v1. */
public enum PostEventType {
    POST_OPENED("post.opened"),
    POST_UPDATED("post.updated"),
    POST_SUSPENDED("post.suspended"),
    POST_CLOSED("post.closed"),
    POST_COVERAGE_CHANGED("post.coverage-changed"),
    OFFICER_ASSIGNED("officer.assigned"),
    OFFICER_ASSIGNMENT_ENDED("officer.assignment-ended");

    private final String type;

    PostEventType(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }
}
