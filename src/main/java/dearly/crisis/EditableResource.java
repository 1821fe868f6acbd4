package dearly.crisis;


/**
 * A crisis resource as the admin pages list it: with the id its edit, delete and move buttons name,
 * and its place in its country's list.
 */
public record EditableResource(long id, int position, CrisisResource resource) {}
