package org.dcis.platform.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One write: who (token subject, username, post), when, on what, and the change. Never updated. */
@Entity
@Table(name = "audit_record")
public class AuditRecord {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String subject;
    private String username;
    @Column(name = "post_id")
    private String postId;
    private Instant at;
    private String operation;
    @Column(name = "target_type")
    private String targetType;
    @Column(name = "target_id")
    private String targetId;
    private String change;

    protected AuditRecord() {
    }

    AuditRecord(String subject, String username, String postId, Instant at, String operation, String targetType,
            String targetId, String change) {
        this.subject = subject;
        this.username = username;
        this.postId = postId;
        this.at = at;
        this.operation = operation;
        this.targetType = targetType;
        this.targetId = targetId;
        this.change = change;
    }

    public Long id() {
        return id;
    }

    public String subject() {
        return subject;
    }

    public String username() {
        return username;
    }

    public String postId() {
        return postId;
    }

    public Instant at() {
        return at;
    }

    public String operation() {
        return operation;
    }

    public String targetType() {
        return targetType;
    }

    public String targetId() {
        return targetId;
    }

    public String change() {
        return change;
    }
}
