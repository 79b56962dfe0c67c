package dev.counterpoint.users;

/** The roles people sign in with. An admin can do everything an analyst can. */
public final class Role {

    /** Reads documents and charts, labels items, exports. */
    public static final String ANALYST = "analyst";
    /** Also imports documents, trains the classifier and manages users. */
    public static final String ADMIN = "admin";

    private Role() {}
}
