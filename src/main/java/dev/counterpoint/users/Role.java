package dev.counterpoint.users;

import java.util.List;

/**
 * The roles people sign in with, each able to do everything the one before it can: a person holds the role stored
 * for them and, through {@code quarkus.http.auth.roles-mapping}, the roles below it. So {@code @RolesAllowed(VIEWER)}
 * admits everyone signed in, {@code @RolesAllowed(ANNOTATOR)} annotators and admins.
 */
public final class Role {

    /** Reads documents and dashboards, exports labelled data. */
    public static final String VIEWER = "viewer";
    /** Also relabels items: stance, sentiment, incivility, with a note. */
    public static final String ANNOTATOR = "annotator";
    /** Also adjudicates disputes, assigns double coding, imports, trains, and manages users and codebooks. */
    public static final String ADMIN = "admin";

    /** From least to most trusted. */
    public static final List<String> ALL = List.of(VIEWER, ANNOTATOR, ADMIN);

    private Role() {}
}
