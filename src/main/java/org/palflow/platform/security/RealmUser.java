package org.palflow.platform.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A user read from the realm file, carrying the e-mail address cases are matched by. */
public class RealmUser extends User {

    private final String email;

    RealmUser(String username, String password, String email, Collection<? extends GrantedAuthority> authorities) {
        super(username, password, authorities);
        this.email = email;
    }

    public String email() {
        return email;
    }
}
