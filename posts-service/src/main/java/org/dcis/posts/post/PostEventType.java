package org.dcis.posts.post;

/** CloudEvent types of dcis.posts.v1. */
public enum PostEventType {
    POST_OPENED("post.opened"),
    POST_UPDATED("post.updated"),
    POST_SUSPENDED("post.suspended"),
    POST_CLOSED("post.closed"),
    POST_COVERAGE_CHANGED("post.coverage-changed"),
    OFFICER_ASSIGNED("officer.assigned"),
    OFFICER_ASSIGNMENT_ENDED("officer.assignment-ended");

    /** The compacted topic of post snapshots (docs/conventions.md, "Events"); key = post id. */
    public static final String TOPIC = "dcis.posts.v1";

    private final String type;

    PostEventType(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }
}
