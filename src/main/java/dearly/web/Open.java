package dearly.web;

import io.javalin.security.RouteRole;

/**
 * The role a route declares when anyone may open it, signed in or not: the column's pages, her
 * question and status pages, sign-in, the API. Declared rather than left out, so that a route
 * that declares nothing is a mistake a test can find (see {@code RouteAccessTest}), not a page
 * that is silently public.
 */
public enum Open implements RouteRole {
    TO_ANYONE
}
