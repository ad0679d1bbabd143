package org.dcis.posts.post.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dcis.posts.post.PostState;
import org.dcis.posts.post.PostStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A post as the API shows it: the event snapshot plus the service's contact. */
@Schema(name = "Post")
public record PostView(
        @Schema(examples = "SN-DAKAR") String id,
        @Schema(examples = "SN") String hostCountry,
        @Schema(examples = "Dakar") String city,
        @Schema(examples = "Ambassade de France au Sénégal") String embassy,
        PostStatus status,
        LocalDate openedOn,
        LocalDate closedOn,
        PostRequests.ContactDetails contact,
        @Schema(examples = "[\"CV\", \"GM\", \"GW\", \"SN\"]") List<String> coverage,
        long officerCount,
        @Schema(description = "officers posted today by force (counts)", examples = "{\"POLICE_NATIONALE\": 2, \"GENDARMERIE_NATIONALE\": 1}")
        Map<String, Long> officersByForce,
        @Schema(description = "officers posted today by role (counts)", examples = "{\"HEAD_OF_SERVICE\": 1, \"LIAISON_OFFICER\": 2}")
        Map<String, Long> officersByRole,
        long version) {

    public static PostView of(PostState post) {
        PostState.ContactState contact = post.contact();
        return new PostView(post.id(), post.hostCountry(), post.city(), post.embassy(), post.status(), post.openedOn(),
                post.closedOn(), contact == null ? null : new PostRequests.ContactDetails(contact.email(), contact.phone()),
                post.coverage(), post.officerCount(), post.officersByForce(), post.officersByRole(), post.version());
    }
}
