package org.dcis.posts.post;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The service's official contact at the embassy (a functional mailbox and switchboard, not a person). */
@Embeddable
public class Contact {
    @Column(name = "contact_email")
    private String email;
    @Column(name = "contact_phone")
    private String phone;

    protected Contact() {
    }

    public Contact(String email, String phone) {
        this.email = email;
        this.phone = phone;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }
}
