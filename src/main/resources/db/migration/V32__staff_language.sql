-- The language a staff member last signed in in ('en', 'es'), so the desk's mail to her speaks it.
-- Empty for an account that has not signed in since: her mail then comes in both languages.
ALTER TABLE app_user ADD COLUMN language VARCHAR(8);
