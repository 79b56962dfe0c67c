package dev.counterpoint.users;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Who is signed in, for the page layout ({inject:signedIn.name}). */
@Named("signedIn")
@RequestScoped
public class SignedIn {

    @Inject
    SecurityIdentity identity;

    public boolean isPresent() {
        return !identity.isAnonymous();
    }

    public String getName() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    public boolean isAdmin() {
        return identity.hasRole(Role.ADMIN);
    }

    /** Annotators and admins may relabel; the pages show relabelling controls only to them. */
    public boolean isAnnotator() {
        return identity.hasRole(Role.ANNOTATOR);
    }
}
