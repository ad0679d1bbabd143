package org.dcis.gateway.web;

/** The services the web app calls on the user's behalf (their public APIs, straight, with the user's token). */
public enum Service {
    POSTS, COOPERATION
}
