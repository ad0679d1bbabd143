package org.dcis.posts.post;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.dcis.platform.problem.Conflict;
import org.dcis.platform.problem.ConstraintMessages;
import org.dcis.platform.problem.DomainException;

import io.quarkus.arc.Unremovable;

/**
 * The post tables' second line of defence, read back as the refusal the domain rule would have given: a
 * concurrent request claimed the same country (or opened the same post) between this request's check and
 * its insert.
 */
@ApplicationScoped
@Unremovable
public class PostConstraints implements ConstraintMessages {
    @Override
    public Optional<DomainException> refusal(String constraintName) {
        return Optional.ofNullable(switch (constraintName) {
            case "coverage_one_current_post" -> new Conflict(
                    "a country of this request was claimed by another post at the same time");
            case "post_pkey" -> new Conflict("this post already exists");
            default -> null;
        });
    }
}
